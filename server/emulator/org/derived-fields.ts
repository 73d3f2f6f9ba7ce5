import type { OrgContext } from "../context";
import type { Rec, Table } from "./store";

const CLOSED_STAGES = new Set(["Closed Won", "Closed Lost"]);
/** The standard stages' default probabilities, applied when a write leaves Probability empty. */
const STAGE_PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 10,
  "Needs Analysis": 20,
  "Value Proposition": 50,
  "Id. Decision Makers": 60,
  "Perception Analysis": 70,
  "Proposal/Price Quote": 75,
  "Negotiation/Review": 90,
  "Closed Won": 100,
  "Closed Lost": 0,
};

function decodeBase64Text(b64: string): string {
  try {
    return Buffer.from(b64, "base64").toString("utf8");
  } catch {
    return "";
  }
}

/** Fields the org computes: Name from first/last, IsClosed/IsWon from the stage, activity AccountId… */
export function deriveFields(ctx: OrgContext, table: Table, rec: Rec): void {
  switch (table.def.name) {
    case "Contact":
    case "Lead":
    case "User":
      rec.Name = [rec.FirstName, rec.LastName].filter((x) => typeof x === "string" && x !== "").join(" ") || null;
      break;
    case "Opportunity": {
      const stage = typeof rec.StageName === "string" ? rec.StageName : "";
      rec.IsClosed = CLOSED_STAGES.has(stage);
      rec.IsWon = stage === "Closed Won";
      if (rec.Probability == null && stage in STAGE_PROBABILITY) rec.Probability = STAGE_PROBABILITY[stage]!;
      break;
    }
    case "Task":
      rec.IsClosed = rec.Status === "Completed";
      rec.AccountId = activityAccount(ctx, rec);
      break;
    case "Event":
      // An all-day event without a duration lasts one day.
      if (rec.IsAllDayEvent === true && rec.DurationInMinutes == null && rec.EndDateTime == null)
        rec.DurationInMinutes = 1440;
      if (rec.StartDateTime == null && typeof rec.ActivityDateTime === "number")
        rec.StartDateTime = rec.ActivityDateTime;
      if (rec.ActivityDateTime == null && typeof rec.StartDateTime === "number")
        rec.ActivityDateTime = rec.StartDateTime;
      if (typeof rec.StartDateTime === "number") {
        if (typeof rec.DurationInMinutes === "number" && rec.EndDateTime == null)
          rec.EndDateTime = rec.StartDateTime + rec.DurationInMinutes * 60_000;
        if (typeof rec.EndDateTime === "number" && rec.DurationInMinutes == null)
          rec.DurationInMinutes = Math.round((rec.EndDateTime - rec.StartDateTime) / 60_000);
        if (rec.IsAllDayEvent !== true || rec.ActivityDate == null)
          rec.ActivityDate = new Date(rec.StartDateTime).toISOString().slice(0, 10);
      }
      rec.AccountId = activityAccount(ctx, rec);
      break;
    case "ContentNote": {
      const content = typeof rec.Content === "string" ? decodeBase64Text(rec.Content) : "";
      rec.FileType = "SNOTE";
      rec.ContentSize = Buffer.byteLength(content);
      rec.TextPreview =
        content
          .replace(/<[^>]*>/g, " ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, 255) || null;
      break;
    }
  }
}

function activityAccount(ctx: OrgContext, rec: Rec): string | null {
  const what = typeof rec.WhatId === "string" ? ctx.store.findById(rec.WhatId) : undefined;
  if (what?.table.def.name === "Account") return what.rec.Id as string;
  if (what && typeof what.rec.AccountId === "string") return what.rec.AccountId;
  const who = typeof rec.WhoId === "string" ? ctx.store.findById(rec.WhoId) : undefined;
  if (who?.table.def.name === "Contact" && typeof who.rec.AccountId === "string") return who.rec.AccountId;
  return null;
}

/**
 * Object-specific save checks beyond required fields: a timed Event needs a start and a duration
 * (or an end); an all-day Event needs its date.
 */
export function requiredByObject(table: Table, rec: Rec): string[] {
  if (table.def.name !== "Event") return [];
  if (rec.IsAllDayEvent === true)
    return rec.ActivityDate == null && rec.ActivityDateTime == null ? ["ActivityDate"] : [];
  const missing: string[] = [];
  if (rec.ActivityDateTime == null) missing.push("ActivityDateTime");
  if (rec.DurationInMinutes == null && rec.EndDateTime == null) missing.push("DurationInMinutes");
  return missing;
}
