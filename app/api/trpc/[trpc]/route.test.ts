import { describe, expect, it, vi } from "vitest";
import type { TContext } from "@/server/api/trpc";

// A signed-in admin, so the procedure gets as far as reading its input.
vi.mock("@/server/api/context", () => ({
  createContext: async (): Promise<TContext> => ({
    db: {} as TContext["db"],
    user: { id: "admin-1", email: "ada@example.com", name: "Ada", role: "admin" },
  }),
}));

const { POST } = await import("./route");

const CHUNK = 64 * 1024;
const TOTAL = 12 * 1024 * 1024;

/** A 12 MB JSON body, streamed without a Content-Length; counts what the handler pulled. */
function streamedBody() {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode("a".repeat(CHUNK));
  const opening = new TextEncoder().encode('{"json":{"name":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= TOTAL) return controller.close();
      const next = pulled.bytes === 0 ? opening : chunk;
      pulled.bytes += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, pulled };
}

describe("POST /api/trpc", () => {
  it("answers 413 to a body over 11 MB, without reading the rest of it", async () => {
    const { stream, pulled } = streamedBody();
    const request = new Request("http://localhost/api/trpc/users.add", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toContain("larger than 11 MB");
    expect(pulled.bytes).toBeLessThanOrEqual(11 * 1024 * 1024 + 2 * CHUNK);
  });

  it("answers 413 at once when the declared length is over 11 MB", async () => {
    const { stream, pulled } = streamedBody();
    const request = new Request("http://localhost/api/trpc/users.add", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(TOTAL) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(CHUNK);
  });
});
