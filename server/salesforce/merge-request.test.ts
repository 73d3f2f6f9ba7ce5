import { describe, expect, it } from "vitest";
import { refuseMerge } from "./merge-request";
import type { TMergeRequest } from "./port";

const CONTACT_A = "0035g00000AAAAAAAA";
const CONTACT_B = "0035g00000BBBBBBBB";
const CONTACT_C = "0035g00000CCCCCCCC";
const CONTACT_D = "0035g00000DDDDDDDD";

function request(overrides: Partial<TMergeRequest> = {}): TMergeRequest {
  return { object: "Contact", masterId: CONTACT_A, mergeIds: [CONTACT_B], ...overrides };
}

describe("refuseMerge", () => {
  it.each([
    ["one record into the master", request()],
    ["two records into the master", request({ mergeIds: [CONTACT_B, CONTACT_C] })],
    ["15-character Ids", request({ masterId: CONTACT_A.slice(0, 15), mergeIds: [CONTACT_B.slice(0, 15)] })],
    ["kept values, a null clears", request({ masterValues: { Title: "CEO", Email: null, HasOptedOutOfEmail: true } })],
    ["an undefined kept value is left out", request({ masterValues: { Title: undefined } })],
    ["accounts", request({ object: "Account", masterId: "0015g00000AAAAAAAA", mergeIds: ["0015g00000BBBBBBBB"] })],
    ["leads", request({ object: "Lead", masterId: "00Q5g00000AAAAAAAA", mergeIds: ["00Q5g00000BBBBBBBB"] })],
  ])("DUP-3: lets %s through to Salesforce", (_name, input) => {
    expect(refuseMerge(input)).toBeNull();
  });

  it.each([
    ["no records to merge", request({ mergeIds: [] }), "MERGE_NO_RECORDS"],
    [
      "three records besides the master",
      request({ mergeIds: [CONTACT_B, CONTACT_C, CONTACT_D] }),
      "MERGE_TOO_MANY_RECORDS",
    ],
    ["an account among contacts", request({ mergeIds: ["0015g00000BBBBBBBB"] }), "MERGE_WRONG_OBJECT"],
    ["a master of another object", request({ object: "Lead" }), "MERGE_WRONG_OBJECT"],
    ["a malformed Id", request({ mergeIds: ["003-not-an-id"] }), "MERGE_WRONG_OBJECT"],
    ["the master among the merged", request({ mergeIds: [CONTACT_B, CONTACT_A] }), "MERGE_REPEATED_RECORD"],
    ["the master by its 15-character Id", request({ mergeIds: [CONTACT_A.slice(0, 15)] }), "MERGE_REPEATED_RECORD"],
    ["a record listed twice", request({ mergeIds: [CONTACT_B, CONTACT_B] }), "MERGE_REPEATED_RECORD"],
    ["a field name that is not an API name", request({ masterValues: { "Title><x": "CEO" } }), "MERGE_INVALID_VALUES"],
    ["the Id as a kept value", request({ masterValues: { Id: CONTACT_B } }), "MERGE_INVALID_VALUES"],
    ["an object as a kept value", request({ masterValues: { Title: { nested: true } } }), "MERGE_INVALID_VALUES"],
  ])("DUP-3: refuses %s", (_name, input, code) => {
    const refusal = refuseMerge(input);
    expect(refusal?.code).toBe(code);
    expect(refusal?.message).toMatch(/\.$/);
  });
});
