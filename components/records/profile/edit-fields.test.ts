import { describe, expect, it } from "vitest";
import { ZRecordUpdateSchema } from "@/server/records/write/schemas";
import { changedValuesOf, editFieldsOf, initialValuesOf } from "./edit-fields";

const field = (key: string, value: string | number | null) => ({ key, label: key, value, format: "text" as const });

describe("the edit form", () => {
  it("starts from what the profile shows, and offers a lead's company but not a contact's", () => {
    const lead = editFieldsOf("person", "lead");
    expect(lead.map((edit) => edit.key)).toEqual([
      "firstName",
      "lastName",
      "title",
      "email",
      "phone",
      "leadSource",
      "company",
    ]);
    expect(
      initialValuesOf(editFieldsOf("person", "contact"), {
        name: "Ada Lovelace",
        summary: [field("title", "Countess")],
        values: { firstName: "Ada", lastName: "Lovelace" },
      }),
    ).toMatchObject({ firstName: "Ada", lastName: "Lovelace", title: "Countess", email: "" });
    expect(editFieldsOf("person", "contact").map((edit) => edit.key)).not.toContain("company");
    expect(
      initialValuesOf(editFieldsOf("opportunity"), {
        name: "Arc reactors",
        summary: [field("stage", "Prospecting"), field("amount", 12500), field("closeDate", null)],
      }),
    ).toEqual({ name: "Arc reactors", stageName: "Prospecting", closeDate: "", amount: "12500" });
  });

  it("sends only the fields whose text changed: emptied ones clear, amounts become numbers", () => {
    const fields = editFieldsOf("opportunity");
    const initial = { name: "Arc reactors", stageName: "Prospecting", closeDate: "2027-06-30", amount: "12500" };
    expect(changedValuesOf(fields, initial, { ...initial, name: " Arc reactors " })).toEqual({});
    expect(changedValuesOf(fields, initial, { ...initial, amount: "15,000", stageName: "Closed Won" })).toEqual({
      stageName: "Closed Won",
      amount: 15000,
    });
    expect(changedValuesOf(fields, initial, { ...initial, amount: "" })).toEqual({ amount: null });
  });

  it("leaves unreadable amounts to the schema, which says what to fix", () => {
    const fields = editFieldsOf("opportunity");
    const initial = { name: "Deal", stageName: "Prospecting", closeDate: "2027-06-30", amount: "" };
    const values = changedValuesOf(fields, initial, { ...initial, amount: "a lot" });
    const result = ZRecordUpdateSchema.safeParse({ type: "opportunity", id: "o1", values });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter the amount as a number, like 12500.");
  });
});
