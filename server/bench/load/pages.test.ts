import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPage, pagePath } from "./pages";
import type { TSeen } from "./users";

const seen: TSeen = { people: ["person/1"], accounts: [], opportunities: [], words: ["Smithers"] };
const fixed = (value: number) => () => value;

describe("load bench pages", () => {
  it("opens the people list, a profile seen before, the accounts list and a search", () => {
    expect(pagePath(fixed(0.1), seen)).toEqual({ kind: "page /people", path: "/people" });
    expect(pagePath(fixed(0.4), seen)).toEqual({ kind: "page /people/[id]", path: "/people/person%2F1" });
    expect(pagePath(fixed(0.6), seen)).toEqual({ kind: "page /accounts", path: "/accounts" });
    expect(pagePath(fixed(0.9), seen)).toEqual({ kind: "page /people?search", path: "/people?search=Smit" });
    // No profile seen yet: the accounts list instead.
    expect(pagePath(fixed(0.4), { ...seen, people: [] }).kind).toBe("page /accounts");
  });

  describe("loadPage over HTTP", () => {
    let server: Server;
    let url = "";
    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.headers.cookie !== "authjs.session-token=ok")
          return response.writeHead(307, { location: "/sign-in" }).end();
        if (request.url === "/json") return response.writeHead(200, { "content-type": "application/json" }).end("{}");
        if (request.url === "/broken") return response.writeHead(500).end();
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html>people</html>");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("reads a signed-in page whole", async () => {
      expect(await loadPage(url, "/people", "authjs.session-token=ok")).toBe("<html>people</html>".length);
    });

    it("counts a redirect to sign-in, a server error or an answer that is not a page as a failure", async () => {
      await expect(loadPage(url, "/people", "authjs.session-token=expired")).rejects.toThrow(
        "/people: 307 to /sign-in",
      );
      await expect(loadPage(url, "/broken", "authjs.session-token=ok")).rejects.toThrow("/broken: 500");
      await expect(loadPage(url, "/json", "authjs.session-token=ok")).rejects.toThrow("not HTML");
    });
  });
});
