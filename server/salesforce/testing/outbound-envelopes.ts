import fc from "fast-check";
import type { TOutboundEnvelope } from "../outbound-parser";

/*
 * Outbound-message envelopes for the fuzz suites: a model (what the envelope says), written out in
 * any of the ways XML and SOAP allow (prefixes, quotes, whitespace, comments, element order,
 * escapes, CDATA), then mutated. Each mutation says what a correct listener must do with it:
 * `refuse` (it is not a well-formed notifications envelope), `accept` (it says the same as the
 * model), or `either` (refusing and accepting are both fine; accepted, it must still say something
 * well-formed).
 */

export const SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
export const OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
export const ENTERPRISE_NS = "urn:sobject.enterprise.soap.sforce.com";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

export type TModelNotification = { id: string; sfId: string; fields: Array<{ name: string; value: string }> };
export type TEnvelopeModel = {
  orgId: string;
  actionId: string;
  sessionId: string | null;
  object: string;
  notifications: TModelNotification[];
};

type TEscape = "named" | "numeric" | "cdata";
export type TEnvelopeStyle = {
  declaration: boolean;
  envelopePrefix: "soapenv" | "s" | "";
  outboundPrefix: "" | "o";
  fieldPrefix: "sf" | "ns1" | "e";
  xsiPrefix: "xsi" | "i";
  quote: '"' | "'";
  gap: "" | " " | "\n  " | "\r\n\t";
  comments: boolean;
  /** The header elements' order (a document/literal reader must not depend on it). */
  headerOrder: number[];
  session: "nil" | "text" | "absent";
  escapes: TEscape[];
  /** Rotates each notification's fields, so `sf:Id` is not always first. */
  fieldRotation: number;
};

export type TMutation =
  | { kind: "none" }
  | {
      kind: "drop";
      what: "OrganizationId" | "ActionId" | "Notifications" | "NotificationId" | "sObject" | "sfId" | "type";
    }
  | { kind: "duplicate"; what: "OrganizationId" | "ActionId" | "NotificationId" | "sfId" | "field" }
  | { kind: "duplicate-notification" }
  | { kind: "namespace"; what: "Envelope" | "Body" | "notifications" | "sObject"; uri: string }
  | { kind: "bad-id"; what: "OrganizationId" | "ActionId" | "NotificationId" | "sfId"; value: string }
  | { kind: "bad-object"; value: string }
  | { kind: "too-many"; count: number }
  | { kind: "deep"; depth: number; where: "field" | "wrap" | "header" }
  | { kind: "huge-attribute"; size: number; where: "Envelope" | "notifications" | "sObject" }
  | { kind: "dtd"; text: string }
  | { kind: "undefined-entity"; name: string }
  | { kind: "bad-reference"; text: string }
  | { kind: "control-character"; code: number }
  | { kind: "second-root" }
  | { kind: "undeclared-prefix" }
  | { kind: "field-with-elements" }
  | { kind: "unknown-elements" }
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number; text: string };

export type TExpectation = "refuse" | "accept" | "either";

export type TEnvelopeCase = {
  model: TEnvelopeModel;
  style: TEnvelopeStyle;
  mutation: TMutation;
  xml: string;
  expect: TExpectation;
  /** What an accepting reader must return (for `accept`, and `either` mutations that keep the meaning). */
  expected: TOutboundEnvelope | null;
};

const ID_CHARS = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;

export const arbitrarySalesforceId = (prefix = "") =>
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{15}$/), fc.boolean(), fc.stringMatching(/^[A-Za-z0-9]{3}$/))
    .map(([base, long, suffix]) => `${prefix}${base}`.slice(0, 15) + (long ? suffix : ""));

/** Characters XML 1.0 allows in a document, minus CR (a parser turns CR and CRLF into LF). */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const arbitraryValue = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom("&", "<", ">", '"', "'", "]]>", " ", "\n", "\t", "a", "é", "😀", ";", "#"),
        maxLength: 12,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom("AT&T", "<b>bold</b>", "x]]>y", "  padded  ", "&amp;", "&#65;", "") },
  )
  .map((value) => [...value].filter((char) => isXmlCharacter(char.codePointAt(0) ?? 0)).join(""));

const arbitraryFieldName = fc
  .oneof(
    fc.constantFrom("LastName", "FirstName", "Email", "Title", "SystemModstamp", "Name", "Phone", "Custom_Field__c"),
    fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,14}$/),
  )
  .filter((name) => name !== "Id" && name !== "fieldsToNull");

export const arbitraryObject = fc.constantFrom(
  "Contact",
  "Lead",
  "Account",
  "Opportunity",
  "Case",
  "My_Object__c",
  "ns__Thing__c",
);

function arbitraryNotifications(maxCount: number) {
  return fc.uniqueArray(
    fc.record({
      id: arbitrarySalesforceId("04l"),
      sfId: arbitrarySalesforceId(),
      fields: fc.uniqueArray(fc.record({ name: arbitraryFieldName, value: arbitraryValue }), {
        maxLength: 6,
        selector: (field) => field.name,
      }),
    }),
    { minLength: 1, maxLength: maxCount, selector: (notification) => notification.id },
  );
}

export function arbitraryModel(
  options: { orgId?: string; maxNotifications?: number } = {},
): fc.Arbitrary<TEnvelopeModel> {
  return fc.record({
    orgId: options.orgId ? fc.constant(options.orgId) : arbitrarySalesforceId("00D"),
    actionId: arbitrarySalesforceId("04k"),
    sessionId: fc.option(fc.stringMatching(/^00D[A-Za-z0-9]{12}![A-Za-z0-9._]{10,40}$/), { nil: null }),
    object: arbitraryObject,
    notifications: arbitraryNotifications(options.maxNotifications ?? 4),
  });
}

export const arbitraryStyle: fc.Arbitrary<TEnvelopeStyle> = fc.record({
  declaration: fc.boolean(),
  envelopePrefix: fc.constantFrom("soapenv", "s", ""),
  outboundPrefix: fc.constantFrom("", "o"),
  fieldPrefix: fc.constantFrom("sf", "ns1", "e"),
  xsiPrefix: fc.constantFrom("xsi", "i"),
  quote: fc.constantFrom('"', "'"),
  gap: fc.constantFrom("", " ", "\n  ", "\r\n\t"),
  comments: fc.boolean(),
  headerOrder: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
  session: fc.constantFrom("nil", "text", "absent"),
  escapes: fc.array(fc.constantFrom<TEscape>("named", "numeric", "cdata"), { minLength: 1, maxLength: 4 }),
  fieldRotation: fc.nat({ max: 6 }),
});

const NOT_AN_ID = fc.constantFrom(
  "",
  "00D12345678901",
  "00D1234567890123",
  "00D12345678901-",
  "00D 12345678901",
  "00D12345678901é",
  "x".repeat(40),
);
const NOT_A_NAMESPACE = fc.constantFrom(
  "urn:evil",
  "http://schemas.xmlsoap.org/soap/envelope",
  "http://soap.sforce.com/2005/09/outbound/",
  "",
);

export const arbitraryMutation: fc.Arbitrary<TMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("drop" as const),
      what: fc.constantFrom("OrganizationId", "ActionId", "Notifications", "NotificationId", "sObject", "sfId", "type"),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("duplicate" as const),
      what: fc.constantFrom("OrganizationId", "ActionId", "NotificationId", "sfId", "field"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "duplicate-notification" as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("namespace" as const),
      what: fc.constantFrom("Envelope", "Body", "notifications", "sObject"),
      uri: NOT_A_NAMESPACE,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("bad-id" as const),
      what: fc.constantFrom("OrganizationId", "ActionId", "NotificationId", "sfId"),
      value: NOT_AN_ID,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("bad-object" as const),
      value: fc.constantFrom("", "Con tact", "Robert'); DROP TABLE x;--", "1Contact", "Contact.Name", "__c", "Ca-se"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("too-many" as const), count: fc.integer({ min: 101, max: 150 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("deep" as const),
      depth: fc.oneof(fc.integer({ min: 40, max: 200 }), fc.integer({ min: 1000, max: 5000 })),
      where: fc.constantFrom("field", "wrap", "header"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("huge-attribute" as const),
      size: fc.integer({ min: 1000, max: 200_000 }),
      where: fc.constantFrom("Envelope", "notifications", "sObject"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("dtd" as const),
      text: fc.constantFrom(
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        "<!doctype html>",
        '<!ENTITY x "y">',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("undefined-entity" as const),
      name: fc.constantFrom("xxe", "nbsp", "copy", "a"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bad-reference" as const),
      text: fc.constantFrom("&#0;", "&#x1;", "&#xD800;", "&#1114112;", "&#xFFFE;", "&#;", "&#x;", "& ", "&amp"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("control-character" as const),
      code: fc.constantFrom(0x0, 0x1, 0x8, 0xb, 0xc, 0x1f, 0xfffe, 0xffff, 0xd800),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "second-root" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "undeclared-prefix" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "field-with-elements" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "unknown-elements" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("flip" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(
        fc.constantFrom("<", ">", "/", '"', "'", "&", "=", ":", "x", "", " ", "<!--", "]]>", "<?"),
        fc.string({ maxLength: 3 }),
      ),
    }),
  },
);

/** An envelope case: a model, a way of writing it, one mutation, and what a listener must do. */
export function arbitraryEnvelopeCase(options: { orgId?: string; maxNotifications?: number } = {}) {
  return fc
    .tuple(arbitraryModel(options), arbitraryStyle, arbitraryMutation)
    .map(([model, style, mutation]) => renderCase(model, style, mutation));
}

/** What a correct reader returns for the model: values as XML delivers them (CRLF as LF, trimmed). */
export function expectedEnvelope(model: TEnvelopeModel): TOutboundEnvelope {
  return {
    organizationId: model.orgId,
    actionId: model.actionId,
    sessionId: model.sessionId,
    notifications: model.notifications.map((notification) => ({
      notificationId: notification.id,
      object: model.object,
      sfId: notification.sfId,
      fields: {
        ...Object.fromEntries(notification.fields.map((field) => [field.name, xmlTrim(field.value)])),
        Id: notification.sfId,
      },
    })),
  };
}

function xmlTrim(value: string): string {
  return value.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
}

export function renderCase(model: TEnvelopeModel, style: TEnvelopeStyle, mutation: TMutation): TEnvelopeCase {
  const effective = effectiveModel(model, style, mutation);
  const xml = applyTextMutation(render(effective, style, mutation), mutation);
  const expectation = expectationOf(mutation, xml, render(effective, style, { kind: "none" }));
  const expected = expectation === "refuse" ? null : expectedOf(effective, mutation);
  return { model: effective, style, mutation, xml, expect: expectation, expected };
}

/** A session that is not sent is null; too many notifications are copies with other Ids. */
function effectiveModel(model: TEnvelopeModel, style: TEnvelopeStyle, mutation: TMutation): TEnvelopeModel {
  const sessionId = style.session === "text" ? (model.sessionId ?? "00D000000000001!session") : null;
  let notifications = model.notifications;
  if (mutation.kind === "too-many") {
    notifications = Array.from({ length: mutation.count }, (_, index) => {
      const base = model.notifications[index % model.notifications.length]!;
      return { ...base, id: `04l${String(index).padStart(12, "0")}AAA` };
    });
  }
  return { ...model, sessionId, notifications };
}

function expectedOf(model: TEnvelopeModel, mutation: TMutation): TOutboundEnvelope | null {
  if (mutation.kind === "flip") return null;
  const expected = expectedEnvelope(model);
  if (mutation.kind === "duplicate-notification") {
    expected.notifications = [...expected.notifications, expected.notifications[0]!];
  }
  return expected;
}

function expectationOf(mutation: TMutation, xml: string, unmutated: string): TExpectation {
  switch (mutation.kind) {
    case "none":
    case "duplicate-notification":
    case "unknown-elements":
    case "huge-attribute":
      return "accept";
    case "flip":
      return xml === unmutated ? "accept" : "either";
    case "truncate":
      // Cutting only what follows the root element (whitespace, a comment) leaves an envelope.
      return xml.length >= unmutated.lastIndexOf(">") + 1 ? "accept" : "refuse";
    case "bad-id":
      return ID_CHARS.test(mutation.value) ? "accept" : "refuse";
    default:
      return "refuse";
  }
}

function escapeValue(value: string, escape: TEscape): string {
  if (escape === "cdata" && !value.includes("]]>")) return `<![CDATA[${value}]]>`;
  if (escape === "numeric") {
    return [...value]
      .map((char) => {
        if (/[A-Za-z0-9 ]/.test(char)) return char;
        const code = char.codePointAt(0) ?? 0;
        return code % 2 ? `&#${code};` : `&#x${code.toString(16)};`;
      })
      .join("");
  }
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function render(model: TEnvelopeModel, style: TEnvelopeStyle, mutation: TMutation): string {
  const q = style.quote;
  const gap = style.gap;
  const note = (text: string) => (style.comments ? `<!-- ${text} -->` : "");
  const env = (name: string) => (style.envelopePrefix ? `${style.envelopePrefix}:${name}` : name);
  const out = (name: string) => (style.outboundPrefix ? `${style.outboundPrefix}:${name}` : name);
  const sf = (name: string) => `${style.fieldPrefix}:${name}`;
  const xsi = (name: string) => `${style.xsiPrefix}:${name}`;
  const nsOf = (what: string, uri: string) =>
    mutation.kind === "namespace" && mutation.what === what ? mutation.uri : uri;
  const envelopeDeclaration = style.envelopePrefix
    ? `xmlns:${style.envelopePrefix}=${q}${nsOf("Envelope", SOAP_ENVELOPE_NS)}${q}`
    : `xmlns=${q}${nsOf("Envelope", SOAP_ENVELOPE_NS)}${q}`;
  const bodyDeclaration =
    mutation.kind === "namespace" && mutation.what === "Body"
      ? style.envelopePrefix
        ? ` xmlns:${style.envelopePrefix}=${q}${mutation.uri}${q}`
        : ` xmlns=${q}${mutation.uri}${q}`
      : "";
  const outboundDeclaration = style.outboundPrefix
    ? `xmlns:${style.outboundPrefix}=${q}${nsOf("notifications", OUTBOUND_NS)}${q}`
    : `xmlns=${q}${nsOf("notifications", OUTBOUND_NS)}${q}`;
  const huge = (where: string) =>
    mutation.kind === "huge-attribute" && mutation.where === where
      ? ` data-x=${q}${"a".repeat(mutation.size)}${q}`
      : "";
  const deep = (where: string) =>
    mutation.kind === "deep" && mutation.where === where
      ? `${"<d>".repeat(mutation.depth)}x${"</d>".repeat(mutation.depth)}`
      : "";
  const escapeOf = (index: number) => style.escapes[index % style.escapes.length] ?? "named";
  const dropped = (what: string) => mutation.kind === "drop" && mutation.what === what;
  const duplicated = (what: string) => mutation.kind === "duplicate" && mutation.what === what;
  const badId = (what: string, id: string) =>
    mutation.kind === "bad-id" && mutation.what === what ? mutation.value : id;

  let valueIndex = 0;
  const notifications = model.notifications.map((notification, index) => {
    const first = index === 0;
    const fields = [
      `<${sf("Id")}>${first ? badId("sfId", notification.sfId) : notification.sfId}</${sf("Id")}>`,
      ...notification.fields.map(
        (field) => `<${sf(field.name)}>${escapeValue(field.value, escapeOf(valueIndex++))}</${sf(field.name)}>`,
      ),
    ];
    if (first && dropped("sfId")) fields.shift();
    if (first && duplicated("sfId")) fields.push(`<${sf("Id")}>001000000000000AAA</${sf("Id")}>`);
    if (first && duplicated("field")) {
      const name = notification.fields[0]?.name ?? "LastName";
      fields.push(`<${sf(name)}>one</${sf(name)}>`, `<${sf(name)}>two</${sf(name)}>`);
    }
    if (first && mutation.kind === "field-with-elements")
      fields.push(`<${sf("Street")}><${sf("Line")}>1</${sf("Line")}></${sf("Street")}>`);
    if (first && mutation.kind === "unknown-elements") fields.push(`<${sf("Extra")} ${xsi("nil")}=${q}true${q}/>`);
    if (first) fields.push(deep("field") ? `<${sf("Deep")}>${deep("field")}</${sf("Deep")}>` : "");
    const rotation = style.fieldRotation % fields.length;
    const ordered = [...fields.slice(rotation), ...fields.slice(0, rotation)].join(gap);
    const type = first && mutation.kind === "bad-object" ? mutation.value : model.object;
    const typeAttribute = first && dropped("type") ? "" : ` ${xsi("type")}=${q}${style.fieldPrefix}:${type}${q}`;
    const sObjectDeclaration =
      first && mutation.kind === "namespace" && mutation.what === "sObject"
        ? style.outboundPrefix
          ? ` xmlns:${style.outboundPrefix}=${q}${mutation.uri}${q}`
          : ` xmlns=${q}${mutation.uri}${q}`
        : "";
    const sObject = `<${out("sObject")}${typeAttribute}${sObjectDeclaration} xmlns:${style.fieldPrefix}=${q}${ENTERPRISE_NS}${q}${first ? huge("sObject") : ""}>${gap}${ordered}${gap}</${out("sObject")}>`;
    const id = `<${out("Id")}>${first ? badId("NotificationId", notification.id) : notification.id}</${out("Id")}>`;
    const parts = [
      first && dropped("NotificationId") ? "" : id,
      first && duplicated("NotificationId") ? `<${out("Id")}>04l000000000000AAA</${out("Id")}>` : "",
      first && mutation.kind === "unknown-elements" ? `<${out("Unknown")}>?</${out("Unknown")}>` : "",
      first && dropped("sObject") ? "" : sObject,
    ];
    return `<${out("Notification")}>${gap}${parts.filter(Boolean).join(gap)}${gap}</${out("Notification")}>`;
  });
  if (mutation.kind === "duplicate-notification") notifications.push(notifications[0]!);

  const session =
    style.session === "text"
      ? `<${out("SessionId")}>${escapeValue(model.sessionId ?? "", "named")}</${out("SessionId")}>`
      : style.session === "nil"
        ? `<${out("SessionId")} ${xsi("nil")}=${q}true${q}/>`
        : "";
  const header = [
    dropped("OrganizationId")
      ? ""
      : `<${out("OrganizationId")}>${badId("OrganizationId", model.orgId)}</${out("OrganizationId")}>`,
    dropped("ActionId") ? "" : `<${out("ActionId")}>${badId("ActionId", model.actionId)}</${out("ActionId")}>`,
    session,
    `<${out("EnterpriseUrl")}>https://example.my.salesforce.com/services/Soap/c/62.0/${model.orgId.slice(0, 15)}</${out("EnterpriseUrl")}>`,
    `<${out("PartnerUrl")}>https://example.my.salesforce.com/services/Soap/u/62.0/${model.orgId.slice(0, 15)}</${out("PartnerUrl")}>`,
  ];
  const ordered = style.headerOrder.map((index) => header[index] ?? "");
  if (duplicated("OrganizationId"))
    ordered.push(`<${out("OrganizationId")}>00D000000000999</${out("OrganizationId")}>`);
  if (duplicated("ActionId")) ordered.push(`<${out("ActionId")}>04k000000000999</${out("ActionId")}>`);
  if (mutation.kind === "unknown-elements") ordered.push(`<${out("Surprise")} a=${q}1${q}>text</${out("Surprise")}>`);
  if (deep("header")) ordered.push(deep("header"));
  if (mutation.kind === "undeclared-prefix") ordered.push("<zz:Thing>1</zz:Thing>");
  const notificationsElement = `<${out("notifications")} ${outboundDeclaration}${huge("notifications")}>${gap}${[
    ...ordered.filter(Boolean),
    ...(dropped("Notifications") ? [] : notifications),
  ].join(gap)}${gap}</${out("notifications")}>`;
  const body = `<${env("Body")}${bodyDeclaration}>${gap}${notificationsElement}${gap}</${env("Body")}>`;
  const envelope = `<${env("Envelope")} ${envelopeDeclaration} xmlns:${style.xsiPrefix}=${q}${XSI_NS}${q}${huge("Envelope")}>${gap}${note("body")}${body}${gap}</${env("Envelope")}>`;
  const wrapped = deep("wrap")
    ? `<w>${"<d>".repeat(mutation.kind === "deep" ? mutation.depth : 0)}${envelope}${"</d>".repeat(mutation.kind === "deep" ? mutation.depth : 0)}</w>`
    : envelope;
  const declaration = style.declaration ? `<?xml version=${q}1.0${q} encoding=${q}UTF-8${q}?>${gap}` : "";
  return `${declaration}${note("outbound")}${wrapped}${gap}${note("end")}`;
}

function applyTextMutation(xml: string, mutation: TMutation): string {
  switch (mutation.kind) {
    case "dtd":
      return xml.startsWith("<?xml") ? xml.replace("?>", `?>${mutation.text}`) : `${mutation.text}${xml}`;
    case "undefined-entity":
      return replaceFirstValue(xml, `&${mutation.name};`);
    case "bad-reference":
      return replaceFirstValue(xml, mutation.text);
    case "control-character":
      return replaceFirstValue(xml, `a${String.fromCharCode(mutation.code)}b`);
    case "second-root":
      return `${xml}<Envelope/>`;
    case "truncate":
      return xml.slice(0, Math.floor(mutation.at * xml.length));
    case "flip": {
      const at = Math.floor(mutation.at * xml.length);
      return xml.slice(0, at) + mutation.text + xml.slice(at + 1);
    }
    default:
      return xml;
  }
}

/** Puts `text` into the first notification's sObject, as a field value. */
function replaceFirstValue(xml: string, text: string): string {
  return xml.replace(
    /(<[A-Za-z0-9]+:Id>)([A-Za-z0-9]+)(<\/[A-Za-z0-9]+:Id>)/,
    `$1$2$3<sf0:Bad xmlns:sf0="${ENTERPRISE_NS}">${text}</sf0:Bad>`,
  );
}
