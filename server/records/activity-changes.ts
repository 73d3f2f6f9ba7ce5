import { z } from "zod";
import type { TFieldChange } from "./activity-schemas";
import { flattenValue, labelFromApiName } from "./salesforce-fields";

/*
 * DUP-2: a pull that changes a record writes the fields it changed into the entry's `details`.
 * Two shapes are read, so entries written before and after a change of writer both show:
 *   { changes: [{ field: "Title", from: "CTO", to: "CEO" }] }
 *   { changes: { Title: { from: "CTO", to: "CEO" } } }
 * Anything else shows the entry's message alone.
 */
const ZChangeValueSchema = z.object({ from: z.unknown().optional(), to: z.unknown().optional() });
const ZChangesSchema = z.union([
  z.array(ZChangeValueSchema.extend({ field: z.string().min(1) })),
  z.record(z.string().min(1), ZChangeValueSchema),
]);

function display(value: unknown): string | null {
  const flat = flattenValue(value);
  if (typeof flat === "boolean") return flat ? "Yes" : "No";
  return flat === null ? null : String(flat);
}

/** The field changes an activity entry records, labelled for reading; [] when it records none. */
export function fieldChangesOf(details: Record<string, unknown> | null): TFieldChange[] {
  const parsed = ZChangesSchema.safeParse(details?.changes);
  if (!parsed.success) return [];
  const entries = Array.isArray(parsed.data)
    ? parsed.data.map(({ field, ...change }) => [field, change] as const)
    : Object.entries(parsed.data);
  return entries.map(([field, change]) => ({
    field,
    label: labelFromApiName(field),
    from: display(change.from),
    to: display(change.to),
  }));
}
