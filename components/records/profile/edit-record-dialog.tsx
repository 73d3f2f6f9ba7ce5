"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PencilIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { CheckedForm } from "@/components/crm/checked-form";
import { FormDialog } from "@/components/crm/form-dialog";
import { FormFields, type TFieldSpec } from "@/components/crm/form-fields";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { useCheckedForm } from "@/components/crm/use-checked-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import type { TField } from "@/server/records/profile-schemas";
import type { TPersonKind, TRecordType } from "@/server/records/record-schemas";
import { labelFromApiName } from "@/server/records/salesforce-fields";
import { type TRecordUpdateResult, ZRecordUpdateSchema } from "@/server/records/write/schemas";
import type { TPushKind } from "@/server/sync/core/push-kinds";
import { changedValuesOf, editFieldsOf, initialValuesOf, type TEditField } from "./edit-fields";

const PUSH_KIND: Record<TRecordType, TPushKind> = {
  person: "people",
  account: "accounts",
  opportunity: "opportunities",
};

/** "Title and Phone", "Title, Phone and Email". */
function fieldList(fields: string[]): string {
  const labels = fields.map(labelFromApiName);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/** What a save did: which fields changed, and whether they are on their way to Salesforce. */
export function savedMessage(result: TRecordUpdateResult, kind: TPushKind): string {
  if (result.changed.length === 0) return "Nothing changed: Salesforce already has these values.";
  const fields = fieldList(result.changed);
  const verb = result.changed.length === 1 ? "stays" : "stay";
  if (result.pushState === "pending") return `Saved; ${fields} will be pushed to Salesforce.`;
  if (result.pushState === "local")
    return `Saved; ${fields} ${verb} in Tandem while pushing ${PUSH_KIND_WORDS[kind]} is off.`;
  return `Saved in Tandem; ${fields} will be pushed once an admin turns on pushing ${PUSH_KIND_WORDS[kind]}.`;
}

/**
 * "Edit" on a profile: the fields the profile shows. Only the fields whose text changed are sent;
 * the server compares them with the record again and queues just those for Salesforce.
 */
export function EditRecordDialog({
  type,
  id,
  name,
  summary,
  personKind,
  values: unlisted,
}: {
  type: TRecordType;
  id: string;
  name: string;
  summary: TField[];
  personKind?: TPersonKind;
  /** Editable values the profile does not list (a person's first and last name). */
  values?: Record<string, string | null>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = editFieldsOf(type, personKind);
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);
  const options = useQuery({ ...trpc.crm.form.options.queryOptions(), enabled: open && type === "opportunity" });
  const stages = options.data?.opportunityStages ?? [];

  const update = useMutation(
    trpc.crm.records.update.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.crm.syncHistory.queryKey({ type, id }) }),
        ]);
        if (result.changed.length === 0) toast.info(savedMessage(result, PUSH_KIND[type]));
        else toast.success(savedMessage(result, PUSH_KIND[type]));
        setOpen(false);
      },
    }),
  );
  const form = useCheckedForm<Record<string, string>>({}, update);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    const changed = changedValuesOf(fields, initial, form.values);
    if (Object.keys(changed).length === 0) {
      event.preventDefault();
      form.reset();
      return setUnchanged(true);
    }
    const data = form.check(event, ZRecordUpdateSchema, { type, id, values: changed });
    if (data) update.mutate(data);
  }

  function specOf(field: TEditField): TFieldSpec {
    const common = { name: field.key, label: field.label, value: form.values[field.key] ?? "", wide: field.wide };
    if (field.input === "stage" && stages.length > 0) {
      return { ...common, control: "select", options: stages.map(({ value, label }) => ({ value, label })) };
    }
    return {
      ...common,
      required: field.required,
      type: field.input === "email" || field.input === "tel" || field.input === "date" ? field.input : "text",
      inputMode: field.input === "amount" ? "decimal" : undefined,
    };
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Starts from what the profile shows now, so an edit never sends a stale value back.
        const start = next ? initialValuesOf(fields, { name, summary, values: unlisted }) : undefined;
        if (start) setInitial(start);
        form.reset(start);
        setUnchanged(false);
      }}
      trigger={
        <Button variant="outline">
          <PencilIcon /> Edit
        </Button>
      }
      title={`Edit ${name}`}
      description="Only the fields you change are saved and sent to Salesforce. Empty a field to clear it."
      className="sm:max-w-xl"
    >
      <CheckedForm form={form} onSubmit={submit} submitLabel="Save changes" onCancel={() => setOpen(false)}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormFields
            fields={fields.map(specOf)}
            form={{
              ...form,
              set: (field, errorKey) => (value) => {
                setUnchanged(false);
                form.set(field, errorKey)(value);
              },
            }}
          />
        </div>
        {unchanged ? (
          <p role="status" className="text-sm text-muted-foreground">
            Nothing changed: there is nothing to save.
          </p>
        ) : null}
      </CheckedForm>
    </FormDialog>
  );
}
