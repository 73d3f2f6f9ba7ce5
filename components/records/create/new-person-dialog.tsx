"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { UserPlusIcon } from "lucide-react";
import { useState } from "react";
import { CheckedForm } from "@/components/crm/checked-form";
import { ChoiceGroup } from "@/components/crm/choice-group";
import { FormDialog } from "@/components/crm/form-dialog";
import { FormFields } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
import { useCheckedForm } from "@/components/crm/use-checked-form";
import { PossibleDuplicates } from "@/components/duplicates/possible-duplicates";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import {
  type TAccountCandidate,
  type TCreatePersonResult,
  type TNewPersonInput,
  ZNewPersonSchema,
} from "@/server/records/write/schemas";
import { AccountChoiceStep } from "./account-choice-step";
import { AccountPicker, type TCompanyChoice } from "./account-picker";
import { useOpenCreated } from "./use-open-created";

type TPersonObject = "Contact" | "Lead";
const EMPTY = { firstName: "", lastName: "", email: "", phone: "", title: "" };

/** What the rep reads once the person exists: what was made, and where it stands with Salesforce. */
function createdMessage(result: Extract<TCreatePersonResult, { status: "created" }>): string {
  const { person, account } = result;
  const what = `${person.name} was created as a ${person.kind}`;
  const withAccount = account
    ? account.created
      ? ` with the new account ${account.name}`
      : ` at ${account.name}`
    : "";
  const where = person.pushState === "local" ? " It stays in Tandem while pushing people is off." : "";
  return `${what}${withAccount}.${where}`;
}

/**
 * "New person": a contact or a lead (the workspace's choice preselected), its company picked from
 * the accounts or typed. When the typed company matches several accounts, the same dialog asks
 * which; then it opens the new profile.
 */
export function NewPersonDialog() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const openCreated = useOpenCreated(() => setOpen(false));
  const [company, setCompany] = useState<TCompanyChoice>({ text: "", account: null });
  const [chosenAs, setChosenAs] = useState<TPersonObject | null>(null);
  const [choice, setChoice] = useState<{
    companyName: string;
    message: string;
    candidates: TAccountCandidate[];
  } | null>(null);
  const options = useQuery({ ...trpc.crm.form.options.queryOptions(), enabled: open });
  const as: TPersonObject = chosenAs ?? options.data?.personDefault ?? "Contact";

  const create = useMutation(
    trpc.crm.people.create.mutationOptions({
      onSuccess: async (result) => {
        if (result.status === "needs-account-choice") {
          setChoice({ companyName: result.companyName, message: result.message, candidates: result.candidates });
          return;
        }
        await openCreated(createdMessage(result), `/people/${result.person.id}`);
      },
    }),
  );
  const form = useCheckedForm(EMPTY, create);

  function reset() {
    setCompany({ text: "", account: null });
    setChosenAs(null);
    setChoice(null);
    form.reset(EMPTY);
  }

  function input(extra: Partial<TNewPersonInput> = {}): TNewPersonInput {
    const typed = company.account ? undefined : company.text;
    return { ...form.values, accountId: company.account?.id, companyName: typed, as, ...extra };
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    const needsCompany = as === "Lead" && !company.account && !company.text.trim();
    const formErrors = needsCompany
      ? { companyName: ["A lead needs a company: pick an account or type the company name."] }
      : {};
    if (form.check(event, ZNewPersonSchema, input(), formErrors)) create.mutate(input());
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      onClose={reset}
      trigger={
        <Button>
          <UserPlusIcon /> New person
        </Button>
      }
      title={choice ? "Which account?" : "New person"}
      description={
        choice
          ? "The company you typed matches more than one account."
          : "Only the last name is required. A contact needs an account; a lead keeps its company name."
      }
      className="sm:max-w-xl"
      // Escape in the open account list closes the list (the picker does that), not the dialog.
      onEscapeKeyDown={(event) => {
        if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true")
          event.preventDefault();
      }}
    >
      {choice ? (
        <AccountChoiceStep
          {...choice}
          pending={create.isPending}
          error={create.error?.message}
          onBack={() => {
            setChoice(null);
            create.reset();
          }}
          onChoose={(picked) =>
            create.mutate(
              "accountId" in picked
                ? input({ accountId: picked.accountId, companyName: undefined })
                : input({ newAccount: true, companyName: choice.companyName }),
            )
          }
        />
      ) : (
        <CheckedForm
          form={form}
          onSubmit={submit}
          submitLabel={`Create ${as === "Lead" ? "lead" : "contact"}`}
          onCancel={() => setOpen(false)}
        >
          <ChoiceGroup
            legend="Create as"
            value={as}
            onChange={setChosenAs}
            choices={[
              { value: "Contact", label: "Contact", description: "A person at one of your accounts." },
              { value: "Lead", label: "Lead", description: "Someone to qualify, with a company name." },
            ]}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormFields
              form={form}
              fields={[
                { name: "firstName", label: "First name", autoComplete: "off", autoFocus: true },
                { name: "lastName", label: "Last name", required: true },
                { name: "email", label: "Email", type: "email", wide: true },
                { name: "phone", label: "Phone", type: "tel" },
                { name: "title", label: "Title" },
              ]}
            />
            <AccountPicker
              value={company}
              onChange={(next) => {
                setCompany(next);
                form.clearErrors("companyName", "accountId");
              }}
              errors={[...(form.errors.companyName ?? []), ...(form.errors.accountId ?? [])]}
            />
          </div>
          <PossibleDuplicates entity="people" values={{ ...form.values, company: company.text }} />
          <OwnerLine kind="people" />
        </CheckedForm>
      )}
    </FormDialog>
  );
}
