/**
 * A request whose body stream fails with `tooLarge()` as soon as more than `limit` bytes have come
 * through, for handlers that read the body themselves (tRPC's fetch adapter parses it on its own):
 * the reader stops there and nothing past the limit is read or buffered. A body whose declared
 * Content-Length is already over the limit fails on the first read, before a byte is taken.
 */
export function capRequestBody(request: Request, limit: number, tooLarge: () => Error): Request {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length"));
  const source = request.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (declared > limit) {
        controller.error(tooLarge());
        await source.cancel();
        return;
      }
      const { done, value } = await source.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > limit) {
        controller.error(tooLarge());
        await source.cancel();
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return source.cancel(reason);
    },
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    // Node's fetch needs this for a streamed request body.
    duplex: "half",
  } as RequestInit);
}
