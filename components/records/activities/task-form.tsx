"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/server/records/write/activity-schemas";
import { ComposerForm, SUBJECT_FIELD, type TComposerFormProps } from "./composer-form";

const TASK_DEFAULTS = { subject: "", dueDate: "", priority: "Normal", status: "Not Started", ownerSfId: "" };

/** "Create a task": its owner among the org's users, the rep's own Salesforce user first. */
export function TaskForm(props: TComposerFormProps) {
  const trpc = useTRPC();
  const options = useQuery(trpc.crm.form.options.queryOptions());
  const owner = useQuery(trpc.crm.owner.preview.queryOptions());
  const users = options.data?.users ?? [];
  const ownerOf = (values: typeof TASK_DEFAULTS) => values.ownerSfId || owner.data?.sfId || "";
  const ownerOptions = [
    ...(owner.data?.sfId && !users.some((user) => user.id === owner.data?.sfId)
      ? [{ value: owner.data.sfId, label: owner.data.name ?? owner.data.sfId }]
      : []),
    ...users.map((user) => ({ value: user.id, label: user.name })),
  ];
  return (
    <ComposerForm
      {...props}
      kind="task"
      saveLabel="Create task"
      initial={TASK_DEFAULTS}
      showOwner={ownerOptions.length === 0}
      fields={(values) => [
        SUBJECT_FIELD,
        { name: "dueDate", label: "Due date", type: "date" },
        {
          control: "select",
          name: "priority",
          label: "Priority",
          options: (options.data?.taskPriorities ?? TASK_PRIORITIES).map((value) => ({ value, label: value })),
        },
        {
          control: "select",
          name: "status",
          label: "Status",
          options: (options.data?.taskStatuses ?? TASK_STATUSES).map((value) => ({ value, label: value })),
        },
        ...(ownerOptions.length > 0
          ? [
              {
                control: "select",
                name: "ownerSfId",
                label: "Owner in Salesforce",
                value: ownerOf(values),
                options: ownerOptions,
                description: owner.data?.matchedBy === "email" ? "You, matched by your email." : undefined,
              } as const,
            ]
          : []),
      ]}
      toInput={(values, on) => ({
        kind: "task",
        on,
        subject: values.subject,
        dueDate: values.dueDate || undefined,
        // The selects offer only these values; the schema checks them before anything is sent.
        priority: values.priority as (typeof TASK_PRIORITIES)[number],
        status: values.status as (typeof TASK_STATUSES)[number],
        ownerSfId: ownerOf(values) || undefined,
      })}
    />
  );
}
