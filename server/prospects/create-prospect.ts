import "server-only";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prospects } from "@/db/schema";
import { AppError } from "@/server/errors";
import { buildProspectDraft } from "./build-prospect-draft";
import { findProspectsByKey } from "./find-prospects-by-key";
import { insertProspects } from "./insert-prospects";
import type { TNewProspect, TProspect } from "./schemas";
import { toProspectDto } from "./to-prospect-dto";

/** A prospect added by hand; matched against the CRM (PULL-3) like an imported one. */
export async function createProspect(
  db: TDatabase,
  input: TNewProspect,
  user: { id: string; name: string },
  now: number,
): Promise<TProspect> {
  const { kind, ...values } = input;
  const draft = buildProspectDraft(kind, values);
  const id = await db.transaction(async (tx) => {
    if (draft.identityKey) {
      const existing = await findProspectsByKey(tx, kind, [draft.identityKey]);
      const name = existing.get(draft.identityKey);
      if (name !== undefined) {
        throw new AppError(
          "CONFLICT",
          `${draft.identityKey} is already a prospect (${name}). Search for it in the list instead of adding it again.`,
        );
      }
    }
    const inserted = await insertProspects(
      tx,
      kind,
      [{ draft }],
      { source: "manual", createdBy: user.id, createdByName: user.name },
      now,
    );
    return inserted.ids[0];
  });
  const [row] = await db
    .select()
    .from(prospects)
    .where(eq(prospects.id, id ?? ""));
  if (!row) throw new AppError("INTERNAL", "The prospect was saved but could not be read back. Reload the page.");
  return toProspectDto(row);
}
