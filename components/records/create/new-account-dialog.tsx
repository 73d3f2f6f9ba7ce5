"use client";

import { useMutation } from "@tanstack/react-query";
import { Building2Icon } from "lucide-react";
import { useState } from "react";
import { CheckedForm } from "@/components/crm/checked-form";
import { FormDialog } from "@/components/crm/form-dialog";
import { FormFields } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
import { useCheckedForm } from "@/components/crm/use-checked-form";
import { PossibleDuplicates } from "@/components/duplicates/possible-duplicates";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ZNewAccountSchema } from "@/server/records/write/schemas";
import { createdMessage, useOpenCreated } from "./use-open-created";

const EMPTY = { name: "", website: "", industry: "", phone: "", city: "", country: "" };

/** "New account": written in Tandem with its history and outbox row, then its profile opens. */
export function NewAccountDialog() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const openCreated = useOpenCreated(() => setOpen(false));
  const create = useMutation(
    trpc.crm.accounts.create.mutationOptions({
      onSuccess: (account) => openCreated(createdMessage(account, "accounts"), `/accounts/${account.id}`),
    }),
  );
  const form = useCheckedForm(EMPTY, create);

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      onClose={() => form.reset(EMPTY)}
      trigger={
        <Button>
          <Building2Icon /> New account
        </Button>
      }
      title="New account"
      description="Only the name is required."
      className="sm:max-w-xl"
    >
      <CheckedForm
        form={form}
        onSubmit={(event) => {
          if (form.check(event, ZNewAccountSchema, form.values)) create.mutate(form.values);
        }}
        submitLabel="Create account"
        onCancel={() => setOpen(false)}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormFields
            form={form}
            fields={[
              { name: "name", label: "Account name", wide: true, required: true, autoFocus: true },
              { name: "website", label: "Website", placeholder: "acme.com" },
              { name: "industry", label: "Industry" },
              { name: "phone", label: "Phone", type: "tel" },
              { name: "city", label: "City" },
              { name: "country", label: "Country" },
            ]}
          />
        </div>
        <PossibleDuplicates entity="companies" values={form.values} />
        <OwnerLine kind="accounts" />
      </CheckedForm>
    </FormDialog>
  );
}
