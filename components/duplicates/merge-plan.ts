import type { TMergePreview } from "@/server/duplicates/merge/get-merge-preview";
import type { TSide } from "@/server/duplicates/merge/merge-options";

/*
 * The merge dialog's decisions (DUP-3), apart from its markup: which value each field keeps by
 * default, which fields there are to choose at all, and the sentences that say what the merge does.
 */

export type TMergeField = TMergePreview["fields"][number];
export type TMergeChoices = Record<string, TSide>;

export const otherSide = (side: TSide): TSide => (side === "a" ? "b" : "a");

const isEmpty = (value: string | null) => value === null || value.trim() === "";

/** The fields a survivor keeps, split: those whose values differ (a choice), those equal, and the loser's it drops. */
export function mergeFieldRows(preview: Pick<TMergePreview, "fields" | "fieldsFor">, survivor: TSide) {
  const kept = new Set(preview.fieldsFor[survivor]);
  const loser = otherSide(survivor);
  return {
    choices: preview.fields.filter((field) => kept.has(field.key) && field.differs),
    same: preview.fields.filter((field) => kept.has(field.key) && !field.differs && !isEmpty(field[survivor])),
    dropped: preview.fields.filter((field) => !kept.has(field.key) && !isEmpty(field[loser])),
  };
}

/** Per differing field, the value kept unless the rep chooses: the survivor's, or the other's when the survivor has none. */
export function defaultChoices(preview: Pick<TMergePreview, "fields" | "fieldsFor">, survivor: TSide): TMergeChoices {
  const loser = otherSide(survivor);
  return Object.fromEntries(
    mergeFieldRows(preview, survivor).choices.map((field) => [
      field.key,
      isEmpty(field[survivor]) && !isEmpty(field[loser]) ? loser : survivor,
    ]),
  );
}

/** The choices to send: the defaults with the rep's changes, only for fields this survivor keeps. */
export function choicesToSend(
  preview: Pick<TMergePreview, "fields" | "fieldsFor">,
  survivor: TSide,
  changed: TMergeChoices,
): TMergeChoices {
  const defaults = defaultChoices(preview, survivor);
  return Object.fromEntries(Object.keys(defaults).map((key) => [key, changed[key] ?? defaults[key]!]));
}

type TSalesforceMode = TMergePreview["options"]["salesforce"][TSide]["mode"];

/** The "also in Salesforce" option's label: a merge, or for a lead into a contact, a conversion. */
export function salesforceOptionLabel(mode: TSalesforceMode): string {
  return mode === "convert" ? "Convert the lead into this contact in Salesforce" : "Also merge in Salesforce";
}

type TMergeRecordSummary = { name: string; sfId: string | null; type: "person" | "account" | "prospect" };

/**
 * What the merge does, in plain words, for the choices made: where the loser's history goes,
 * and what becomes of its Salesforce record (unlinked, merged or converted there, or no longer synced).
 */
export function mergeConsequences(input: {
  survivor: TMergeRecordSummary;
  loser: TMergeRecordSummary;
  salesforce: TSalesforceMode;
  stopSyncing: boolean;
}): string[] {
  const { survivor, loser, salesforce, stopSyncing } = input;
  const sentences = [
    loser.type === "prospect" && survivor.type !== "prospect"
      ? `${loser.name} is merged into ${survivor.name}: the prospect is linked to it as its prospect data, and its activity log moves there.`
      : `${loser.name} is merged into ${survivor.name}: its activity log, activities, prospect links and pending pushes move there.`,
  ];
  if (salesforce === "merge") {
    sentences.push(
      `Salesforce merges ${loser.name}'s record into ${survivor.name}'s too, with the values chosen here; it goes to Salesforce's recycle bin. The merge cannot be undone in Tandem.`,
    );
  } else if (salesforce === "convert") {
    sentences.push(
      `Salesforce converts the lead ${loser.name} into ${survivor.name}; the lead stays in Salesforce, marked converted. The merge cannot be undone in Tandem.`,
    );
  } else if (loser.sfId) {
    sentences.push(
      stopSyncing
        ? `${loser.name}'s Salesforce record is unlinked, and Tandem stops syncing it: changes to it in Salesforce no longer come back. An admin can sync it again under Settings → Salesforce.`
        : `${loser.name}'s Salesforce record is unlinked; if it changes in Salesforce again, it comes back as a new record.`,
    );
  }
  if (salesforce === null) {
    sentences.push(
      survivor.type === "prospect"
        ? "Right after the merge, you can undo it."
        : `Right after the merge, you can undo it, until ${survivor.name} is next pushed to Salesforce.`,
    );
  }
  return sentences;
}
