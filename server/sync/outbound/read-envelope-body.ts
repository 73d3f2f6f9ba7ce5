import { capRequestBody } from "@/server/http/cap-request-body";
import { MAX_ENVELOPE_BYTES } from "@/server/salesforce/outbound-parser";

export type TEnvelopeBody = { ok: true; text: string } | { ok: false; status: 400 | 413 | 415; reason: string };

class EnvelopeTooLarge extends Error {}

/**
 * An outbound message's body as text, or the status and reason it is refused with. Salesforce
 * sends SOAP in UTF-8 and uncompressed. A compressed body is refused (415) before a byte is read:
 * a few kilobytes of gzip can expand to gigabytes, so none is decoded at all. The bytes stop at
 * 1 MiB (413) and are decoded strictly (400), because a lenient decoder turns a byte that is not
 * UTF-8 into U+FFFD and the notification would be stored with a value it never held.
 */
export async function readEnvelopeBody(request: Request): Promise<TEnvelopeBody> {
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    return {
      ok: false,
      status: 415,
      reason: "Compressed outbound messages are refused; send the envelope without Content-Encoding.",
    };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await capRequestBody(request, MAX_ENVELOPE_BYTES, () => new EnvelopeTooLarge()).arrayBuffer();
  } catch (error) {
    if (error instanceof EnvelopeTooLarge) {
      return { ok: false, status: 413, reason: "Outbound messages larger than 1 MiB are refused." };
    }
    throw error;
  }
  try {
    // A UTF-8 byte-order mark is dropped: XML allows one before the declaration.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, reason: "The body is not UTF-8; outbound messages are sent in UTF-8." };
  }
}
