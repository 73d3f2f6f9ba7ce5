import {
  ArchiveIcon,
  CircleAlertIcon,
  CircleCheckIcon,
  CircleDotIcon,
  CloudDownloadIcon,
  CloudUploadIcon,
  GitMergeIcon,
  LinkIcon,
  PencilLineIcon,
  PlusIcon,
  RotateCcwIcon,
  SparklesIcon,
  Trash2Icon,
  UploadIcon,
  UserCheckIcon,
  ZapIcon,
  type LucideIcon,
} from "lucide-react";
import type { TActivityEvent } from "@/server/sync/core/activity-events";

export type TEventStyle = { title: string; icon: LucideIcon; tone: "neutral" | "positive" | "warning" | "negative" };

/** DUP-2: how each activity event reads — where a record came from and what sync did to it. */
const EVENTS: Record<TActivityEvent, TEventStyle> = {
  "created-by-pull": { title: "Pulled from Salesforce", icon: CloudDownloadIcon, tone: "positive" },
  "created-by-outbound": { title: "Arrived by outbound message", icon: ZapIcon, tone: "positive" },
  "created-in-tandem": { title: "Created in Tandem", icon: PlusIcon, tone: "positive" },
  imported: { title: "Imported", icon: UploadIcon, tone: "positive" },
  "updated-by-pull": { title: "Updated by a pull", icon: PencilLineIcon, tone: "neutral" },
  "updated-by-outbound": { title: "Updated by an outbound message", icon: PencilLineIcon, tone: "neutral" },
  "restored-by-pull": { title: "Back in Salesforce", icon: RotateCcwIcon, tone: "positive" },
  "restored-by-outbound": { title: "Back in Salesforce (outbound message)", icon: RotateCcwIcon, tone: "positive" },
  "retired-as-lead": { title: "Retired as a lead", icon: ArchiveIcon, tone: "warning" },
  "absorbed-lead": { title: "Took over a retired lead", icon: UserCheckIcon, tone: "neutral" },
  "deleted-in-salesforce": { title: "Deleted in Salesforce", icon: Trash2Icon, tone: "negative" },
  "merged-in-salesforce": { title: "Merged in Salesforce", icon: GitMergeIcon, tone: "warning" },
  "absorbed-merge": { title: "Another record merged into this one", icon: GitMergeIcon, tone: "neutral" },
  "matched-crm": { title: "Matched a prospect", icon: LinkIcon, tone: "neutral" },
  "edited-in-tandem": { title: "Edited in Tandem", icon: PencilLineIcon, tone: "neutral" },
  "added-to-crm": { title: "Added to the CRM", icon: PlusIcon, tone: "positive" },
  "pushed-create": { title: "Created in Salesforce", icon: CloudUploadIcon, tone: "positive" },
  "pushed-update": { title: "Updated in Salesforce", icon: CloudUploadIcon, tone: "neutral" },
  "push-failed": { title: "Salesforce rejected a push", icon: CircleAlertIcon, tone: "negative" },
  "push-resolved": { title: "Push error resolved", icon: CircleCheckIcon, tone: "positive" },
  "linked-by-pull": { title: "Linked to its Salesforce record", icon: LinkIcon, tone: "neutral" },
  "field-written": { title: "Enriched in Salesforce", icon: SparklesIcon, tone: "positive" },
  "field-reverted": { title: "Salesforce changed a value back", icon: CircleAlertIcon, tone: "warning" },
  "merged-in-tandem": { title: "Merged in Tandem", icon: GitMergeIcon, tone: "neutral" },
  "merge-undone": { title: "Merge undone", icon: GitMergeIcon, tone: "neutral" },
};

export function eventStyle(event: string): TEventStyle {
  const known = EVENTS[event as TActivityEvent];
  if (known) return known;
  // An event this page does not know yet still reads as words: "pushed-to-salesforce" → "Pushed to salesforce".
  const words = event.replace(/[-_]+/g, " ").trim();
  return { title: words.charAt(0).toUpperCase() + words.slice(1), icon: CircleDotIcon, tone: "neutral" };
}
