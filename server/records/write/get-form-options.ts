import "server-only";
import type { TDatabase } from "@/db/client";
import { readSetting } from "@/server/settings/settings-store";
import { TASK_PRIORITIES, TASK_STATUSES } from "./activity-schemas";
import type { TFormOptions } from "./form-schemas";

/** What the create and edit forms offer: the org's picklists and users, and the push switches. */
export async function getFormOptions(db: TDatabase): Promise<TFormOptions> {
  const [push, pushInfo] = await Promise.all([
    readSetting(db, "push.settings"),
    readSetting(db, "salesforce.pushInfo"),
  ]);
  return {
    checked: pushInfo !== null,
    checkedAt: pushInfo?.checkedAt ?? null,
    opportunityStages: pushInfo?.opportunityStages ?? [],
    leadStatuses: pushInfo?.leadStatuses ?? [],
    users: (pushInfo?.users ?? []).map(({ id, name }) => ({ id, name })),
    taskPriorities: [...TASK_PRIORITIES],
    taskStatuses: [...TASK_STATUSES],
    enhancedNotes: pushInfo?.enhancedNotes ?? true,
    personDefault: push.people.as,
    pushEnabled: {
      people: push.people.enabled,
      accounts: push.accounts.enabled,
      opportunities: push.opportunities.enabled,
      activities: push.activities.enabled,
      tasks: push.tasks.enabled,
      meetings: push.meetings.enabled,
      notes: push.notes.enabled,
    },
  };
}
