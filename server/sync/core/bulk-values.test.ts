import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import { flattenRecord } from "./pull-objects";
import { restShapedRecord } from "./bulk-values";

describe("Bulk API 2.0 rows", () => {
  it("take the shape REST gives the same record, so their content hashes match", () => {
    const rest = {
      attributes: { type: "Opportunity" },
      Id: "0065g0000000002AAA",
      Name: "Deal",
      Amount: 50000,
      IsWon: false,
      IsClosed: true,
      CloseDate: "2026-01-31",
      SystemModstamp: "2026-01-01T10:00:00.000+0000",
      Owner: { attributes: { type: "User" }, Name: "Ada" },
      Probability: null,
    };
    const bulk = {
      Id: "0065g0000000002AAA",
      Name: "Deal",
      Amount: "50000.0",
      IsWon: "false",
      IsClosed: "true",
      CloseDate: "2026-01-31",
      SystemModstamp: "2026-01-01T10:00:00.000Z",
      "Owner.Name": "Ada",
      Probability: "",
    };
    expect(restShapedRecord(bulk)).toMatchObject({
      Amount: 50000,
      IsWon: false,
      IsClosed: true,
      SystemModstamp: "2026-01-01T10:00:00.000+0000",
      Probability: null,
    });
    expect(contentHash(flattenRecord(restShapedRecord(bulk) as never))).toBe(contentHash(flattenRecord(rest as never)));
  });

  it("treat a null lookup the same whether it came as Owner: null or an empty Owner.Name", () => {
    const rest = { Id: "0035g0000000002AAA", LastName: "Lee", Owner: null };
    const bulk = { Id: "0035g0000000002AAA", LastName: "Lee", "Owner.Name": "" };
    expect(contentHash(flattenRecord(restShapedRecord(bulk) as never))).toBe(contentHash(flattenRecord(rest as never)));
  });
});
