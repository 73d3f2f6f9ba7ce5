import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParameters } from "@/server/testing/fuzz";
import { OutboundEnvelopeError, parseOutboundEnvelope, type TOutboundEnvelope } from "./outbound-parser";
import { arbitraryEnvelopeCase } from "./testing/outbound-envelopes";

/*
 * The outbound-message parser against mutated envelopes and plain garbage. Whatever the input, it
 * returns a well-formed envelope or throws OutboundEnvelopeError (the route's 400), never anything
 * else; an envelope it must refuse is refused; one it must accept comes back exactly; and it takes
 * time in proportion to the body, so a megabyte cannot hold the server.
 *
 * Runs are bounded for CI (a few seconds); a longer run by hand: `FUZZ_RUNS=2000 vitest run <this
 * file>`, and `FUZZ_SEED=<seed>` tries other cases (CI keeps one seed, server/testing/fuzz.ts).
 */

const ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const NOT_XML_TEXT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

type TOutcome = { refused: true; message: string } | { refused: false; envelope: TOutboundEnvelope };

/** Parses, turning the parser's own refusal into a value; any other throw fails the property. */
function parse(body: string): TOutcome {
  try {
    return { refused: false, envelope: parseOutboundEnvelope(body) };
  } catch (error) {
    if (error instanceof OutboundEnvelopeError) return { refused: true, message: error.message };
    throw error;
  }
}

/** What every returned envelope holds, whatever the input. */
function expectWellFormed(envelope: TOutboundEnvelope) {
  expect(envelope.organizationId).toMatch(ID);
  expect(envelope.actionId).toMatch(ID);
  expect(envelope.notifications.length).toBeGreaterThanOrEqual(1);
  expect(envelope.notifications.length).toBeLessThanOrEqual(100);
  for (const notification of envelope.notifications) {
    expect(notification.notificationId).toMatch(ID);
    expect(notification.sfId).toMatch(ID);
    expect(notification.object).toMatch(OBJECT_NAME);
    expect(notification.fields.Id).toBe(notification.sfId);
    for (const [name, value] of Object.entries(notification.fields)) {
      expect(name).toMatch(OBJECT_NAME);
      expect(typeof value).toBe("string");
      expect(value).not.toMatch(NOT_XML_TEXT);
    }
  }
}

describe("outbound-message parser, fuzzed", () => {
  it("answers every mutated envelope as it must: refused, or accepted with exactly what it says", () => {
    fc.assert(
      fc.property(arbitraryEnvelopeCase(), (envelopeCase) => {
        const outcome = parse(envelopeCase.xml);
        if (envelopeCase.expect === "refuse") {
          expect(outcome, `must refuse (${envelopeCase.mutation.kind})`).toMatchObject({ refused: true });
          return;
        }
        if (envelopeCase.expect === "accept") {
          expect(outcome, `must accept (${envelopeCase.mutation.kind})`).toMatchObject({ refused: false });
        }
        if (outcome.refused) return;
        expectWellFormed(outcome.envelope);
        if (envelopeCase.expected) expect(outcome.envelope).toEqual(envelopeCase.expected);
      }),
      fuzzParameters(1500),
    );
  });

  it("never throws anything but its own refusal on arbitrary text", () => {
    const xmlish = fc.string({
      unit: fc.constantFrom(
        "<",
        ">",
        "/",
        "=",
        '"',
        "'",
        "&",
        ";",
        "#",
        "!",
        "?",
        "-",
        "[",
        "]",
        ":",
        " ",
        "\n",
        "a",
        "x",
        "Envelope",
        "Body",
        "notifications",
        "<![CDATA[",
        "<!--",
        "-->",
        "xmlns",
        "&amp;",
        "&#",
        "\u0000",
        "\uFFFF",
        "é",
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), xmlish), (body) => {
        const outcome = parse(body);
        if (!outcome.refused) expectWellFormed(outcome.envelope);
      }),
      fuzzParameters(1000),
    );
  });

  it("takes time in proportion to the body: 512 KiB of any repeated pattern parses in under a second", () => {
    const unit = fc.string({
      unit: fc.constantFrom("<", ">", "a", "/", '"', "'", "=", " ", "!", "?", "-", "[", "&", ";"),
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(unit, fc.constantFrom("", "<a>", '<a b="', "<a "), (pattern, prefix) => {
        const body = prefix + pattern.repeat(Math.ceil((512 * 1024) / pattern.length));
        const started = performance.now();
        parse(body);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      fuzzParameters(20),
    );
  });
});
