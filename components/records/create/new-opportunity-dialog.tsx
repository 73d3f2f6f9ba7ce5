"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { HandshakeIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { SelectField, TextField } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
import { parseAmount } from "@/components/crm/parse-input";
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
import { ZNewOpportunitySchema } from "@/server/records/write/schemas";

const EMPTY = { name: "", stageName: "", closeDate: "", amount: "" };

/** "New opportunity" on an account's profile: name, stage from the org's picklist, close date and amount. */
export function NewOpportunityDialog({ accountId, accountName }: { accountId: string; accountName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const options = useQuery({ ...trpc.crm.form.options.queryOptions(), enabled: open });
  const stages = options.data?.opportunityStages ?? [];
  const defaultStage = stages.find((stage) => stage.isDefault)?.value ?? stages[0]?.value ?? "";
  const stageName = values.stageName || defaultStage;

  const create = useMutation(
    trpc.crm.opportunities.create.mutationOptions({
      onSuccess: async (opportunity) => {
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        toast.success(
          opportunity.pushState === "local"
            ? `${opportunity.name} was created. It stays in Tandem while pushing opportunities is off.`
            : `${opportunity.name} was created and is on its way to Salesforce.`,
        );
        setOpen(false);
        router.push(`/opportunities/${opportunity.id}`);
      },
    }),
  );
  const server = serverErrors(create.error);
  const fieldErrors = { ...server.fields, ...errors };
  const set = (field: keyof typeof EMPTY) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutField(current, field));
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const input = {
      accountId,
      name: values.name,
      stageName,
      closeDate: values.closeDate,
      amount: parseAmount(values.amount),
    };
    const checked = validate(ZNewOpportunitySchema, input);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirstInvalid(formRef.current);
    create.mutate(input);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setValues(EMPTY);
          setErrors({});
          create.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <HandshakeIcon /> New opportunity
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>New opportunity</DialogTitle>
          <DialogDescription>At {accountName}. Name, stage and close date are required.</DialogDescription>
        </DialogHeader>
        <form ref={formRef} onSubmit={submit} className="grid gap-4" noValidate>
          <FormMessage>{Object.keys(server.fields).length > 0 ? undefined : server.form}</FormMessage>
          <TextField
            label="Opportunity name"
            value={values.name}
            onValueChange={set("name")}
            errors={fieldErrors.name}
            required
            autoFocus
          />
          <div className="grid gap-4 sm:grid-cols-2">
            {stages.length > 0 ? (
              <SelectField
                label="Stage"
                value={stageName}
                onValueChange={set("stageName")}
                options={stages.map((stage) => ({ value: stage.value, label: stage.label }))}
                errors={fieldErrors.stageName}
              />
            ) : (
              <TextField
                label="Stage"
                value={values.stageName}
                onValueChange={set("stageName")}
                errors={fieldErrors.stageName}
                description="Type the stage as Salesforce names it; the list appears after the org is checked."
                required
              />
            )}
            <TextField
              label="Close date"
              type="date"
              value={values.closeDate}
              onValueChange={set("closeDate")}
              errors={fieldErrors.closeDate}
              required
            />
            <TextField
              label="Amount"
              inputMode="decimal"
              placeholder="12500"
              value={values.amount}
              onValueChange={set("amount")}
              errors={fieldErrors.amount}
              className="sm:col-span-2"
            />
          </div>
          <OwnerLine kind="opportunities" />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner label="Saving" /> : null}
              Create opportunity
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
