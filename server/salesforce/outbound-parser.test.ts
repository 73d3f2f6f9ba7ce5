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

  it("compares org Ids on 15 characters, case-sensitively", () => {
    expect(sameOrg("00D5g000004TNDMEA4", "00D5g000004TNDM")).toBe(true);
    expect(sameOrg("00D5g000004tndm", "00D5g000004TNDM")).toBe(false);
  });
});
