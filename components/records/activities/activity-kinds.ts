import { CalendarIcon, ListTodoIcon, MailIcon, PhoneIcon, StickyNoteIcon, type LucideIcon } from "lucide-react";
import type { TActivityKind } from "@/server/sync/core/push-kinds";

/** How each kind of activity reads: its icon, its name, and the composer's action for it. */
export const ACTIVITY_KIND_STYLES: Record<TActivityKind, { icon: LucideIcon; name: string; action: string }> = {
  call: { icon: PhoneIcon, name: "Call", action: "Log a call" },
  email: { icon: MailIcon, name: "Email", action: "Log an email" },
  task: { icon: ListTodoIcon, name: "Task", action: "Create a task" },
  meeting: { icon: CalendarIcon, name: "Meeting", action: "Schedule a meeting" },
  note: { icon: StickyNoteIcon, name: "Note", action: "Add a note" },
};
