"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PencilIcon } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { SelectField, TextField } from "@/components/crm/form-fields";
import { focusFirstInvalid, serverErrors, type TFieldErrors, validate, withoutField } from "@/components/crm/validate";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
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
  const formRef = useRef<HTMLFormElement>(null);
  const fields = editFieldsOf(type, personKind);
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const options = useQuery({ ...trpc.crm.form.options.queryOptions(), enabled: open && type === "opportunity" });

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
  const server = serverErrors(update.error);
  const fieldErrors = { ...server.fields, ...errors };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.reset();
    const changed = changedValuesOf(fields, initial, values);
    if (Object.keys(changed).length === 0) {
      setErrors({});
      return setUnchanged(true);
    }
    const checked = validate(ZRecordUpdateSchema, { type, id, values: changed });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirstInvalid(formRef.current);
    update.mutate(checked.data);
  }

  function control(field: TEditField) {
    const common = {
      label: field.label,
      value: values[field.key] ?? "",
      onValueChange: (value: string) => {
        setUnchanged(false);
        setValues((current) => ({ ...current, [field.key]: value }));
        setErrors((current) => withoutField(current, field.key));
      },
      errors: fieldErrors[field.key],
      className: field.wide ? "sm:col-span-2" : undefined,
    };
    const stages = options.data?.opportunityStages ?? [];
    if (field.input === "stage" && stages.length > 0) {
      return <SelectField key={field.key} {...common} options={stages.map(({ value, label }) => ({ value, label }))} />;
    }
    return (
      <TextField
        key={field.key}
        {...common}
        required={field.required}
        type={field.input === "email" || field.input === "tel" || field.input === "date" ? field.input : "text"}
        inputMode={field.input === "amount" ? "decimal" : undefined}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          // Starts from what the profile shows now, so an edit never sends a stale value back.
          const start = initialValuesOf(fields, { name, summary, values: unlisted });
          setInitial(start);
          setValues(start);
        }
        setErrors({});
        setUnchanged(false);
        update.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <PencilIcon /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Edit {name}</DialogTitle>
          <DialogDescription>
            Only the fields you change are saved and sent to Salesforce. Empty a field to clear it.
          </DialogDescription>
        </DialogHeader>
        <form ref={formRef} onSubmit={submit} className="grid gap-4" noValidate>
          <FormMessage>{Object.keys(server.fields).length > 0 ? undefined : server.form}</FormMessage>
          <div className="grid gap-4 sm:grid-cols-2">{fields.map(control)}</div>
          {unchanged ? (
            <p role="status" className="text-sm text-muted-foreground">
              Nothing changed: there is nothing to save.
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? <Spinner label="Saving" /> : null}
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
