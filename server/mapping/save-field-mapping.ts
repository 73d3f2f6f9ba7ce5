import "server-only";
import type { TDatabase } from "@/db/client";
import { AppError } from "@/server/errors";
import { readFieldMapping } from "@/server/settings/field-mapping-settings";
import type { TFieldMapping } from "@/server/sync/core/field-mapping";
import { getMappingView } from "./get-mapping-view";
import type { TMappingChange, TMappingView } from "./mapping-schemas";
import { previewMapping } from "./preview-mapping";
import { changedObjects, mappingChangeProblems, saveMappingStatements } from "./save-mapping";

/**
 * Saves one object's mapping from `/settings/mapping`: checked against the org's fields (nothing
 * is saved while any entry cannot work), refused without an explicit confirmation when the next
 * pull would write more than 1,000 records, and queued so the next pull applies it to every linked
 * record (MAP-4).
 */
export async function saveFieldMapping(db: TDatabase, change: TMappingChange, now: number): Promise<TMappingView> {
  const resolved = await readFieldMapping(db);
  const problems = mappingChangeProblems(resolved, { [change.object]: change.entries });
  if (problems.length) {
    throw new AppError(
      "BAD_REQUEST",
      `The ${change.object} mapping was not saved: ${problems
        .map((problem) => (problem.index >= 0 ? `row ${problem.index + 1}: ${problem.message}` : problem.message))
        .join(" ")}`,
    );
  }
  if (!change.confirmLargeWrite) {
    const preview = await previewMapping(db, change);
    if (preview.needsConfirmation) {
      throw new AppError(
        "BAD_REQUEST",
        `This mapping writes ${preview.writes} fields on ${preview.records} records at the next pull. Confirm that you want it, then save again.`,
      );
    }
  }
  const next: TFieldMapping = { ...resolved.mapping, [change.object]: change.entries };
  const statements = saveMappingStatements(db, next, changedObjects(resolved.mapping, next), now);
  if (statements.length) await db.$client.batch(statements, "write");
  return getMappingView(db);
}
