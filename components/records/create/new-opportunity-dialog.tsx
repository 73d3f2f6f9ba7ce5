"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { HandshakeIcon } from "lucide-react";
import { useState } from "react";
import { CheckedForm } from "@/components/crm/checked-form";
import { FormDialog } from "@/components/crm/form-dialog";
import { FormFields } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
import { parseAmount } from "@/components/crm/parse-input";
import { useCheckedForm } from "@/components/crm/use-checked-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ZNewOpportunitySchema } from "@/server/records/write/schemas";
import { createdMessage, useOpenCreated } from "./use-open-created";

const EMPTY = { name: "", stageName: "", closeDate: "", amount: "" };

/** "New opportunity" on an account's profile: name, stage from the org's picklist, close date and amount. */
export function NewOpportunityDialog({ accountId, accountName }: { accountId: string; accountName: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const openCreated = useOpenCreated(() => setOpen(false));
  const options = useQuery({ ...trpc.crm.form.options.queryOptions(), enabled: open });
  const stages = options.data?.opportunityStages ?? [];
  const defaultStage = stages.find((stage) => stage.isDefault)?.value ?? stages[0]?.value ?? "";

  const create = useMutation(
    trpc.crm.opportunities.create.mutationOptions({
      onSuccess: (opportunity) =>
        openCreated(createdMessage(opportunity, "opportunities"), `/opportunities/${opportunity.id}`),
    }),
  );
  const form = useCheckedForm(EMPTY, create);
  const stageName = form.values.stageName || defaultStage;

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      onClose={() => form.reset(EMPTY)}
      trigger={
        <Button variant="outline">
          <HandshakeIcon /> New opportunity
        </Button>
      }
      title="New opportunity"
      description={<>At {accountName}. Name, stage and close date are required.</>}
      className="sm:max-w-lg"
    >
      <CheckedForm
        form={form}
        onSubmit={(event) => {
          const { name, closeDate, amount } = form.values;
          const input = { accountId, name, stageName, closeDate, amount: parseAmount(amount) };
          if (form.check(event, ZNewOpportunitySchema, input)) create.mutate(input);
        }}
        submitLabel="Create opportunity"
        onCancel={() => setOpen(false)}
      >
        <FormFields
          form={form}
          fields={[{ name: "name", label: "Opportunity name", required: true, autoFocus: true }]}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormFields
            form={form}
            fields={[
              stages.length > 0
                ? {
                    control: "select",
                    name: "stageName",
                    label: "Stage",
                    value: stageName,
                    options: stages.map((stage) => ({ value: stage.value, label: stage.label })),
                  }
                : {
                    name: "stageName",
                    label: "Stage",
                    description: "Type the stage as Salesforce names it; the list appears after the org is checked.",
                    required: true,
                  },
              { name: "closeDate", label: "Close date", type: "date", required: true },
              { name: "amount", label: "Amount", inputMode: "decimal", placeholder: "12500", wide: true },
            ]}
          />
        </div>
        <OwnerLine kind="opportunities" />
      </CheckedForm>
    </FormDialog>
  );
}
