import type { TPushKind } from "@/server/sync/core/push-kinds";

/** How each push kind is named on the pages: a label, what it sends, and its noun for counts. */
export const PUSH_KIND_LABELS: Record<TPushKind, { label: string; sends: string; one: string; many: string }> = {
  people: {
    label: "People",
    sends: "New people and edits to people, as Contacts or Leads",
    one: "person",
    many: "people",
  },
  accounts: { label: "Accounts", sends: "New accounts and edits to accounts", one: "account", many: "accounts" },
  opportunities: {
    label: "Opportunities",
    sends: "New opportunities and edits to opportunities",
    one: "opportunity",
    many: "opportunities",
  },
  activities: {
    label: "Calls and emails",
    sends: "Logged calls and emails, as completed Tasks",
    one: "call or email",
    many: "calls and emails",
  },
  tasks: { label: "Tasks", sends: "To-dos and their completion, as Tasks", one: "task", many: "tasks" },
  meetings: { label: "Meetings", sends: "Meetings, as Events", one: "meeting", many: "meetings" },
  notes: { label: "Notes", sends: "Notes, attached to their record", one: "note", many: "notes" },
};

/** "1 person", "3 people". */
export function countOf(kind: TPushKind, count: number): string {
  const labels = PUSH_KIND_LABELS[kind];
  return `${count.toLocaleString("en")} ${count === 1 ? labels.one : labels.many}`;
}
