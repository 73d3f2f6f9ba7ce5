import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPeerAddress, recordPeerAddresses } from "./peer-address";

let server: Server;
let url: string;

beforeAll(async () => {
  recordPeerAddresses();
  server = createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string") headers.set(name, value);
    response.end(JSON.stringify({ peer: readPeerAddress(headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the socket's address", () => {
  it("is recorded for every request, replacing a header the client sent itself", async () => {
    const response = await fetch(url, { headers: { "x-tandem-peer-address": "203.0.113.7" } });
    expect(await response.json()).toEqual({ peer: "127.0.0.1" });
  });
});
