"use client";

import { useQuery } from "@tanstack/react-query";
import { SelectField, TextField } from "@/components/crm/form-fields";
import { useTRPC } from "@/components/trpc/provider";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/server/records/write/activity-schemas";
import { ComposerForm } from "./composer-form";
import { type TComposerFormProps, useFormValues } from "./use-form-values";
import { useLogActivity } from "./use-log-activity";

/** "Create a task": its owner among the org's users, the rep's own Salesforce user first. */
export function TaskForm({ on, onDone }: TComposerFormProps) {
  const trpc = useTRPC();
  const options = useQuery(trpc.crm.form.options.queryOptions());
  const owner = useQuery(trpc.crm.owner.preview.queryOptions());
  const form = useLogActivity(on, onDone);
  const [values, set] = useFormValues(
    {
      subject: "",
      dueDate: "",
      priority: "Normal",
      status: "Not Started",
      ownerSfId: "",
    },
    form.clearError,
  );
  const users = options.data?.users ?? [];
  const ownerSfId = values.ownerSfId || owner.data?.sfId || "";
  const ownerOptions = [
    ...(owner.data?.sfId && !users.some((user) => user.id === owner.data?.sfId)
      ? [{ value: owner.data.sfId, label: owner.data.name ?? owner.data.sfId }]
      : []),
    ...users.map((user) => ({ value: user.id, label: user.name })),
  ];
  return (
    <ComposerForm
      kind="task"
      formRef={form.formRef}
      formError={form.formError}
      pending={form.pending}
      saveLabel="Create task"
      onCancel={onDone}
      showOwner={ownerOptions.length === 0}
      onSubmit={(event) =>
        form.submit(event, {
          kind: "task",
          on,
          subject: values.subject,
          dueDate: values.dueDate || undefined,
          // The selects offer only these values; the schema checks them before anything is sent.
          priority: values.priority as (typeof TASK_PRIORITIES)[number],
          status: values.status as (typeof TASK_STATUSES)[number],
          ownerSfId: ownerSfId || undefined,
        })
      }
    >
      <TextField
        label="Subject"
        value={values.subject}
        onValueChange={set("subject")}
        errors={form.errors.subject}
        className="sm:col-span-2"
        required
        autoFocus
      />
      <TextField
        label="Due date"
        type="date"
        value={values.dueDate}
        onValueChange={set("dueDate")}
        errors={form.errors.dueDate}
      />
      <SelectField
        label="Priority"
        value={values.priority}
        onValueChange={set("priority")}
        options={(options.data?.taskPriorities ?? TASK_PRIORITIES).map((value) => ({ value, label: value }))}
        errors={form.errors.priority}
      />
      <SelectField
        label="Status"
        value={values.status}
        onValueChange={set("status")}
        options={(options.data?.taskStatuses ?? TASK_STATUSES).map((value) => ({ value, label: value }))}
        errors={form.errors.status}
      />
      {ownerOptions.length > 0 ? (
        <SelectField
          label="Owner in Salesforce"
          value={ownerSfId}
          onValueChange={set("ownerSfId")}
          options={ownerOptions}
          errors={form.errors.ownerSfId}
          description={owner.data?.matchedBy === "email" ? "You, matched by your email." : undefined}
        />
      ) : null}
    </ComposerForm>
  );
}
