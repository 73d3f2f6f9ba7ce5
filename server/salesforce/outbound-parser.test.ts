import { describe, expect, it } from "vitest";
import {
  MAX_ENVELOPE_DEPTH,
  nestingDepth,
  OutboundEnvelopeError,
  parseOutboundEnvelope,
  sameOrg,
} from "./outbound-parser";

// The documented sample (shared/docs/salesforce-api.md §1.2), session elided.
const SAMPLE = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>012345678901234</OrganizationId>
   <ActionId>04k1I000000bmsHQAQ</ActionId>
   <SessionId xsi:nil="true"/>
   <EnterpriseUrl>https://na73.salesforce.com/services/Soap/c/41.0/00D1I000003qqqE</EnterpriseUrl>
   <PartnerUrl>https://na73.salesforce.com/services/Soap/u/41.0/00D1I000003qqqE</PartnerUrl>
   <Notification>
    <Id>04l1I000000fztEQAQ</Id>
    <sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>0031I0000081tbPQAQ</sf:Id>
     <sf:CreatedDate>2017-12-11T21:49:24.000Z</sf:CreatedDate>
     <sf:FirstName>Jeraldine</sf:FirstName>
     <sf:LastName>Black</sf:LastName>
     <sf:Title>White</sf:Title>
    </sObject>
   </Notification>
   <Notification>
    <Id>04l1I000000fzt9QAA</Id>
    <sObject xsi:type="sf:Contact" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>0031I0000081tb0QAA</sf:Id>
     <sf:Email>drb24@cornell.edu</sf:Email>
     <sf:LastName>Bunting</sf:LastName>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;

describe("outbound-message envelopes", () => {
  it("parses the documented sample, omitting absent fields", () => {
    const envelope = parseOutboundEnvelope(SAMPLE);
    expect(envelope.organizationId).toBe("012345678901234");
    expect(envelope.sessionId).toBeNull();
    expect(envelope.notifications).toEqual([
      {
        notificationId: "04l1I000000fztEQAQ",
        object: "Contact",
        sfId: "0031I0000081tbPQAQ",
        fields: {
          Id: "0031I0000081tbPQAQ",
          CreatedDate: "2017-12-11T21:49:24.000Z",
          FirstName: "Jeraldine",
          LastName: "Black",
          Title: "White",
        },
      },
      {
        notificationId: "04l1I000000fzt9QAA",
        object: "Contact",
        sfId: "0031I0000081tb0QAA",
        fields: { Id: "0031I0000081tb0QAA", Email: "drb24@cornell.edu", LastName: "Bunting" },
      },
    ]);
  });

  it.each([
    ["a DTD", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${SAMPLE}`],
    ["an entity", SAMPLE.replace("White", "&xxe;").replace("<soapenv:Envelope", '<!ENTITY xxe "x"><soapenv:Envelope')],
    ["broken XML", SAMPLE.slice(0, 200)],
    [
      "another SOAP body",
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><hello/></soapenv:Body></soapenv:Envelope>',
    ],
    ["plain text", "hello"],
    ["a notification without an Id", SAMPLE.replace("<sf:Id>0031I0000081tbPQAQ</sf:Id>", "")],
    ["elements nested 20,000 deep", `${"<a>".repeat(20_000)}x${"</a>".repeat(20_000)}`],
    [
      "a notification nested inside 40 extra levels",
      SAMPLE.replace("<sf:Title>White</sf:Title>", `${"<x>".repeat(40)}${"</x>".repeat(40)}`),
    ],
    ["an unclosed deep body", `<soapenv:Envelope>${"<a>".repeat(5000)}`],
  ])("refuses %s", (_name, body) => {
    expect(() => parseOutboundEnvelope(body)).toThrow(OutboundEnvelopeError);
  });

  it("counts nesting without a tree: siblings and self-closing tags do not deepen", () => {
    expect(nestingDepth("<a><b/><c>t</c><d><e/></d></a>", 99)).toBe(2);
    expect(nestingDepth(SAMPLE, 99)).toBeLessThanOrEqual(MAX_ENVELOPE_DEPTH);
    expect(nestingDepth("<a>".repeat(1000), 10)).toBe(11);
  });

  it("counts an element whose quoted attribute holds '/>', and skips comments and CDATA", () => {
    expect(nestingDepth('<a x="/>">'.repeat(50), 99)).toBe(50);
    expect(nestingDepth(`<a><!-- ${"<b>".repeat(50)} --><![CDATA[${"<c>".repeat(50)}]]></a>`, 99)).toBe(1);
  });

  it("decodes XML's references in values and keeps what is not XML whitespace", () => {
    const body = SAMPLE.replace("<sf:Title>White</sf:Title>", "<sf:Title>AT&amp;T &lt;b&gt; &#x1F600;&#65;</sf:Title>")
      .replace("<sf:LastName>Black</sf:LastName>", "<sf:LastName>\u00a0Black </sf:LastName>")
      .replace("<sf:FirstName>Jeraldine</sf:FirstName>", "<sf:FirstName><![CDATA[&amp; <x>]]></sf:FirstName>");
    expect(parseOutboundEnvelope(body).notifications[0]?.fields).toMatchObject({
      Title: "AT&T <b> \u{1F600}A",
      LastName: "\u00a0Black",
      FirstName: "&amp; <x>",
    });
  });

  it("reads the envelope by namespace, whatever the prefixes and the order of elements", () => {
    const body = SAMPLE.replaceAll("soapenv:", "s:")
      .replace("xmlns:soapenv=", "xmlns:s=")
      .replace("<OrganizationId>012345678901234</OrganizationId>", "")
      .replace("</notifications>", "<OrganizationId>012345678901234</OrganizationId></notifications>");
    expect(parseOutboundEnvelope(body).organizationId).toBe("012345678901234");
  });

  it.each([
    [
      "an Envelope in another namespace",
      SAMPLE.replace('xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"', 'xmlns:soapenv="urn:evil"'),
    ],
    [
      "a Body that leaves the SOAP namespace",
      SAMPLE.replace("<soapenv:Body>", '<soapenv:Body xmlns:soapenv="urn:evil">'),
    ],
    [
      "notifications outside the outbound namespace",
      SAMPLE.replace('xmlns="http://soap.sforce.com/2005/09/outbound"', 'xmlns="urn:evil"'),
    ],
    ["an sObject outside the outbound namespace", SAMPLE.replace("<sObject ", '<sObject xmlns="" ')],
    ["an undeclared prefix", SAMPLE.replace("<sf:Title>White</sf:Title>", "<zz:Title>White</zz:Title>")],
    ["an entity XML does not define", SAMPLE.replace("White", "&copy;")],
    ["a reference to a character XML forbids", SAMPLE.replace("White", "&#x1;")],
    ["a raw control character", SAMPLE.replace("White", "Wh\u0001ite")],
    [
      "a field given twice",
      SAMPLE.replace("<sf:Title>White</sf:Title>", "<sf:Title>White</sf:Title><sf:Title>Red</sf:Title>"),
    ],
    [
      "a field holding elements",
      SAMPLE.replace("<sf:Title>White</sf:Title>", "<sf:Title><sf:Line>1</sf:Line></sf:Title>"),
    ],
    [
      "an object that is not an API name",
      SAMPLE.replace('xsi:type="sf:Contact"', 'xsi:type="sf:Robert\'); DROP TABLE x;--"'),
    ],
    ["an ActionId that is not an Id", SAMPLE.replace("04k1I000000bmsHQAQ", "04k 1I000000bmsH")],
    ["a Notification Id that is not an Id", SAMPLE.replace("04l1I000000fztEQAQ", "x".repeat(40))],
    ["a second root element", `${SAMPLE}<Envelope/>`],
  ])("refuses %s", (_name, body) => {
    expect(() => parseOutboundEnvelope(body)).toThrow(OutboundEnvelopeError);
  });

  it("takes time in proportion to the body: a megabyte of '<' is refused within a second", () => {
    const started = performance.now();
    expect(() => parseOutboundEnvelope("<".repeat(1024 * 1024))).toThrow(OutboundEnvelopeError);
    expect(() => parseOutboundEnvelope(`<a ${"a<".repeat(512 * 1024)}`)).toThrow(OutboundEnvelopeError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("compares org Ids on 15 characters, case-sensitively", () => {
    expect(sameOrg("00D5g000004TNDMEA4", "00D5g000004TNDM")).toBe(true);
    expect(sameOrg("00D5g000004tndm", "00D5g000004TNDM")).toBe(false);
  });
});
