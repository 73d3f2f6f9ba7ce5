/**
 * The signed-in people of the load bench: each signs in through Auth.js's credentials form (CSRF
 * token, email and password, the session cookie it sets), then browses as a rep does: lists,
 * filtered and sorted lists, searches, deep pages and profiles, each call timed.
 */
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import type { LatencyLog } from "./summary";

export type TAppClient = TRPCClient<AppRouter>;

/** `name=value` of each cookie a response sets. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in with email and password as the sign-in page does; the session cookie, ready to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/people` }),
  });
  const session = cookiesOf(response).filter((cookie) => cookie.includes("session-token"));
  if (session.length === 0) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return session.join("; ");
}

/** A tRPC client of the app router that sends this session cookie, one HTTP request per call. */
export function appClient(baseUrl: string, cookie: string): TAppClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: () => ({ cookie }) })],
  });
}

/** What a browsing rep has seen so far: ids to open, words to search for. */
export type TSeen = { people: string[]; accounts: string[]; opportunities: string[]; words: string[] };

export type TStep = { kind: string; run: () => Promise<unknown> };

type TRandom = () => number;
const pick = <T>(random: TRandom, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function remember(
  seen: TSeen,
  key: "people" | "accounts" | "opportunities",
  rows: Array<{ id: string; name: string }>,
) {
  for (const row of rows.slice(0, 5)) {
    seen[key].push(row.id);
    seen.words.push(...row.name.split(/\s+/).filter((word) => word.length >= 3));
  }
  // Keep the memory small and fresh.
  if (seen[key].length > 50) seen[key].splice(0, seen[key].length - 50);
  if (seen.words.length > 200) seen.words.splice(0, seen.words.length - 200);
}

/** A search term a person would type: part of a name seen, 1–2 or 3+ characters. */
function term(random: TRandom, seen: TSeen, short: boolean): string {
  const word = seen.words.length > 0 ? pick(random, seen.words) : pick(random, ["smith", "acme", "lee", "jo"]);
  if (short) return word.slice(0, 1 + Math.floor(random() * 2));
  const length = Math.min(word.length, 3 + Math.floor(random() * 4));
  const start = Math.floor(random() * (word.length - length + 1));
  return word.slice(start, start + length);
}

/** One step of browsing, drawn by weight. The kind names the procedure and the shape of its input. */
export function nextStep(client: TAppClient, random: TRandom, seen: TSeen): TStep {
  const roll = random();
  const people = client.records.people;
  if (roll < 0.16)
    return {
      kind: "people.list",
      run: async () => remember(seen, "people", (await people.list.query({ page: 1 + Math.floor(random() * 3) })).rows),
    };
  if (roll < 0.26)
    return {
      kind: "people.list filtered",
      run: async () =>
        remember(
          seen,
          "people",
          (
            await people.list.query({
              kind: pick(random, ["contact", "lead"] as const),
              sort: pick(random, ["company", "title", "email", "owner"] as const),
              direction: pick(random, ["asc", "desc"] as const),
              page: 1 + Math.floor(random() * 20),
            })
          ).rows,
        ),
    };
  if (roll < 0.42)
    return {
      kind: "people.list search 3+",
      run: async () => remember(seen, "people", (await people.list.query({ search: term(random, seen, false) })).rows),
    };
  if (roll < 0.48)
    return {
      kind: "people.list search 1-2",
      run: async () => remember(seen, "people", (await people.list.query({ search: term(random, seen, true) })).rows),
    };
  if (roll < 0.6 && seen.people.length > 0) {
    const id = pick(random, seen.people);
    return {
      kind: "person profile",
      run: () =>
        Promise.all([
          people.get.query({ id }),
          client.records.related.query({ type: "person", id }),
          client.records.activity.query({ type: "person", id }),
        ]),
    };
  }
  if (roll < 0.72)
    return {
      kind: "accounts.list",
      run: async () => {
        const search = random() < 0.3 ? term(random, seen, false) : "";
        const sort = pick(random, ["name", "industry", "location", "owner"] as const);
        remember(
          seen,
          "accounts",
          (await client.records.accounts.list.query({ search, sort, page: 1 + Math.floor(random() * 5) })).rows,
        );
      },
    };
  if (roll < 0.8 && seen.accounts.length > 0) {
    const id = pick(random, seen.accounts);
    return {
      kind: "account profile",
      run: () =>
        Promise.all([client.records.accounts.get.query({ id }), client.records.related.query({ type: "account", id })]),
    };
  }
  if (roll < 0.92)
    return {
      kind: "opportunities.list",
      run: async () => {
        const status = random() < 0.5 ? pick(random, ["open", "won", "lost"] as const) : undefined;
        const sort = pick(random, ["name", "amount", "closeDate", "stage"] as const);
        remember(seen, "opportunities", (await client.records.opportunities.list.query({ status, sort })).rows);
      },
    };
  if (seen.opportunities.length > 0) {
    const id = pick(random, seen.opportunities);
    return { kind: "opportunity profile", run: () => client.records.opportunities.get.query({ id }) };
  }
  return { kind: "owners", run: () => client.records.owners.query({ object: "people" }) };
}

/**
 * One rep browsing until `until()` says stop (or after `maxSteps`): a step, a short pause (think
 * time), the next. Each step's time goes to `log` under its kind; a failed step too.
 */
export async function browse(input: {
  client: TAppClient;
  random: TRandom;
  log: Pick<LatencyLog, "record" | "fail">;
  until: () => boolean;
  pauseMs: number;
  maxSteps: number;
  /** Page loads, when pages are measured too: a third of the steps. */
  page?: (seen: TSeen) => TStep;
}): Promise<number> {
  const seen: TSeen = { people: [], accounts: [], opportunities: [], words: [] };
  let steps = 0;
  while (!input.until() && steps < input.maxSteps) {
    const step = input.page && input.random() < 1 / 3 ? input.page(seen) : nextStep(input.client, input.random, seen);
    const started = performance.now();
    try {
      await step.run();
      input.log.record(step.kind, performance.now() - started);
    } catch (error) {
      input.log.fail(step.kind, error instanceof Error ? error.message : String(error));
    }
    steps += 1;
    await new Promise((resolve) => setTimeout(resolve, input.random() * input.pauseMs));
  }
  return steps;
}
