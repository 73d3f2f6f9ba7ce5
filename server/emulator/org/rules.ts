import { z } from "zod";
import { SfError } from "./errors";
import { compileQuery } from "../soql/compile";
import type { Predicate } from "../soql/where";
import { attributes } from "./serialize";
import type { Rec, Store } from "./store";

/** A validation rule: the record is rejected when `condition` (a SOQL WHERE expression) holds. */
export const ZValidationRuleSchema = z.object({
  object: z.string().min(1),
  name: z.string().min(1),
  condition: z.string().min(1),
  errorMessage: z.string().min(1),
  errorField: z.string().optional(),
  active: z.boolean().default(true),
});
export type TValidationRule = z.infer<typeof ZValidationRuleSchema>;

/**
 * A duplicate rule: a record matches an existing one when every field of one of `matchFields`'s
 * sets is equal (trimmed, case-insensitive, non-empty). "alert" rules can be bypassed with
 * `Sforce-Duplicate-Rule-Header: allowSave=true`; "block" rules cannot.
 */
export const ZDuplicateRuleSchema = z.object({
  object: z.string().min(1),
  name: z.string().min(1),
  matchRule: z.string().default("Standard_Match_Rule"),
  action: z.enum(["alert", "block"]),
  matchFields: z.array(z.array(z.string().min(1)).min(1)).min(1),
  active: z.boolean().default(true),
});
export type TDuplicateRule = z.infer<typeof ZDuplicateRuleSchema>;

export class OrgRules {
  validation: TValidationRule[] = [];
  duplicate: TDuplicateRule[] = [];
  private readonly compiled = new Map<string, Predicate>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  addValidationRule(input: unknown): TValidationRule {
    const rule = ZValidationRuleSchema.parse(input);
    this.predicateFor(rule); // compile now so a bad condition is refused at configuration time
    this.validation = [...this.validation.filter((r) => !(r.object === rule.object && r.name === rule.name)), rule];
    return rule;
  }

  addDuplicateRule(input: unknown): TDuplicateRule {
    const rule = ZDuplicateRuleSchema.parse(input);
    this.duplicate = [...this.duplicate.filter((r) => !(r.object === rule.object && r.name === rule.name)), rule];
    return rule;
  }

  clear(): void {
    this.validation = [];
    this.duplicate = [];
    this.compiled.clear();
  }

  private predicateFor(rule: TValidationRule): Predicate {
    const key = `${rule.object}\u0000${rule.condition}`;
    let p = this.compiled.get(key);
    if (!p) {
      const plan = compileQuery(this.store, `SELECT Id FROM ${rule.object} WHERE ${rule.condition}`, this.clock());
      p = plan.predicate ?? (() => false);
      this.compiled.set(key, p);
    }
    return p;
  }

  /** FIELD_CUSTOM_VALIDATION_EXCEPTION for the first active rule the record breaks. */
  checkValidation(objectName: string, rec: Rec): void {
    for (const rule of this.validation) {
      if (!rule.active || rule.object.toLowerCase() !== objectName.toLowerCase()) continue;
      if (this.predicateFor(rule)(rec)) {
        throw new SfError(
          400,
          "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          rule.errorMessage,
          rule.errorField ? [rule.errorField] : [],
        );
      }
    }
  }

  /** DUPLICATES_DETECTED with the documented `duplicateResult`, unless an alert rule is bypassed. */
  checkDuplicates(objectName: string, rec: Rec, allowSave: boolean, version: string): void {
    for (const rule of this.duplicate) {
      if (!rule.active || rule.object.toLowerCase() !== objectName.toLowerCase()) continue;
      if (rule.action === "alert" && allowSave) continue;
      const matches = this.findMatches(objectName, rec, rule);
      if (matches.length === 0) continue;
      const message =
        rule.action === "block"
          ? "You're creating a duplicate record. We recommend you use an existing record instead."
          : "Use one of these records?";
      throw new SfError(400, "DUPLICATES_DETECTED", message, [], {
        duplicateResult: {
          allowSave: rule.action === "alert",
          duplicateRule: rule.name,
          duplicateRuleEntityType: objectName,
          errorMessage: message,
          matchResults: [
            {
              entityType: objectName,
              errors: [],
              matchEngine: "ExactMatchEngine",
              matchRecords: matches.slice(0, 100).map((m) => ({
                additionalInformation: [],
                fieldDiffs: [],
                matchConfidence: 100.0,
                record: { attributes: attributes(version, objectName, m.Id), Id: m.Id },
              })),
              rule: rule.matchRule,
              size: matches.length,
              success: true,
            },
          ],
        },
      });
    }
  }

  private findMatches(objectName: string, rec: Rec, rule: TDuplicateRule): Rec[] {
    const table = this.store.table(objectName);
    if (!table) return [];
    const ids = new Set<string>();
    for (const set of rule.matchFields) {
      const fields = set.map((f) => table.def.byLowerName.get(f.toLowerCase())?.name ?? f);
      for (const id of this.store.lookup(table, fields, rec)) if (id !== rec.Id) ids.add(id);
    }
    return [...ids].map((id) => table.byId.get(id)!).filter(Boolean);
  }
}
