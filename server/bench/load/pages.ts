/**
 * Page loads for `npm run bench -- load --pages`: Tandem built for `next start` (a build from the
 * same sources is reused; server/cli/next-build.ts) on the bench's database, and the signed-in
 * reps' cookies sent with GET requests for the pages they browse. A page counts once its whole
 * HTML has arrived (server rendering included, the browser's work not).
 */
import { buildForNextStart, startWebServer, type TWebServer } from "@/server/chaos/web-server";
import type { TSeen, TStep } from "./users";

type TRandom = () => number;
const pick = <T>(random: TRandom, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Which page a rep opens next, and the kind it is timed under. */
export function pagePath(random: TRandom, seen: TSeen): { kind: string; path: string } {
  const roll = random();
  if (roll < 0.3) return { kind: "page /people", path: "/people" };
  if (roll < 0.5 && seen.people.length > 0)
    return { kind: "page /people/[id]", path: `/people/${encodeURIComponent(pick(random, seen.people))}` };
  if (roll < 0.7) return { kind: "page /accounts", path: "/accounts" };
  const word = seen.words.length > 0 ? pick(random, seen.words) : "smith";
  return { kind: "page /people?search", path: `/people?search=${encodeURIComponent(word.slice(0, 4))}` };
}

/** GETs a page with the session cookie; anything but a 200 HTML answer (a redirect to sign-in) is a failure. */
export async function loadPage(baseUrl: string, path: string, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(
      `${path}: ${response.status}${response.headers.get("location") ? ` to ${response.headers.get("location")}` : ""}`,
    );
  if (!(response.headers.get("content-type") ?? "").includes("text/html")) throw new Error(`${path}: not HTML`);
  return body.byteLength;
}

/**
 * A server's first answer for each page after it starts loads that page's code; a server that has
 * run for a while has done so long ago. The bench asks for each page once before the reps start
 * and reports these first loads apart. A profile of no one yet is a 404, which loads its page too.
 */
export async function warmPages(baseUrl: string, cookie: string): Promise<Array<[string, number]>> {
  const firsts: Array<[string, number]> = [];
  for (const path of ["/people", "/accounts", "/people?search=smit", "/people/no-one-yet"]) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200 && response.status !== 404) throw new Error(`${path}: ${response.status}`);
    firsts.push([path, performance.now() - started]);
  }
  return firsts;
}

export function pageStep(baseUrl: string, cookie: string, random: TRandom, seen: TSeen): TStep {
  const { kind, path } = pagePath(random, seen);
  return { kind, run: () => loadPage(baseUrl, path, cookie) };
}

/** `next start` on the bench's database, after building when no current build exists. */
export async function startPagesServer(input: {
  databaseUrl: string;
  authSecret: string;
  logFile: string;
  nodeOptions?: string[];
}): Promise<{
  server: TWebServer;
  built: boolean;
}> {
  const built = await buildForNextStart();
  const server = await startWebServer({ kind: "next", ...input });
  return { server, built };
}
