"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { ChoiceGroup } from "@/components/crm/choice-group";
import { TextField } from "@/components/crm/form-fields";
import { OwnerLine } from "@/components/crm/owner-line";
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
import {
  type TAccountCandidate,
  type TCreatePersonResult,
  type TNewPersonInput,
  ZNewPersonSchema,
} from "@/server/records/write/schemas";
import { AccountChoiceStep } from "./account-choice-step";
import { AccountPicker, type TCompanyChoice } from "./account-picker";

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
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [company, setCompany] = useState<TCompanyChoice>({ text: "", account: null });
  const [chosenAs, setChosenAs] = useState<TPersonObject | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
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
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        toast.success(createdMessage(result));
        setOpen(false);
        router.push(`/people/${result.person.id}`);
      },
    }),
  );
  const server = serverErrors(create.error);
  const fieldErrors = { ...server.fields, ...errors };

  function reset() {
    setValues(EMPTY);
    setCompany({ text: "", account: null });
    setChosenAs(null);
    setErrors({});
    setChoice(null);
    create.reset();
  }

  function input(extra: Partial<TNewPersonInput> = {}): TNewPersonInput {
    const typed = company.account ? undefined : company.text;
    return { ...values, accountId: company.account?.id, companyName: typed, as, ...extra };
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const checked = validate(ZNewPersonSchema, input());
    const next: TFieldErrors = checked.ok ? {} : checked.errors;
    if (as === "Lead" && !company.account && !company.text.trim()) {
      next.companyName = ["A lead needs a company: pick an account or type the company name."];
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return focusFirstInvalid(formRef.current);
    create.mutate(input());
  }

  const set = (field: keyof typeof EMPTY) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutField(current, field));
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon /> New person
        </Button>
      </DialogTrigger>
      <DialogContent
        className="sm:max-w-xl"
        // Escape in the open account list closes the list (the picker does that), not the dialog.
        onEscapeKeyDown={(event) => {
          if (event.target instanceof HTMLElement && event.target.getAttribute("aria-expanded") === "true")
            event.preventDefault();
        }}
      >
        <DialogHeader>
          <DialogTitle>{choice ? "Which account?" : "New person"}</DialogTitle>
          <DialogDescription>
            {choice
              ? "The company you typed matches more than one account."
              : "Only the last name is required. A contact needs an account; a lead keeps its company name."}
          </DialogDescription>
        </DialogHeader>
        {choice ? (
          <AccountChoiceStep
            {...choice}
            pending={create.isPending}
            error={server.form}
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
          <form ref={formRef} onSubmit={submit} className="grid gap-4" noValidate>
            <FormMessage>{Object.keys(server.fields).length > 0 ? undefined : server.form}</FormMessage>
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
              <TextField
                label="First name"
                value={values.firstName}
                onValueChange={set("firstName")}
                errors={fieldErrors.firstName}
                autoComplete="off"
                autoFocus
              />
              <TextField
                label="Last name"
                value={values.lastName}
                onValueChange={set("lastName")}
                errors={fieldErrors.lastName}
                required
              />
              <TextField
                label="Email"
                type="email"
                value={values.email}
                onValueChange={set("email")}
                errors={fieldErrors.email}
                className="sm:col-span-2"
              />
              <TextField
                label="Phone"
                type="tel"
                value={values.phone}
                onValueChange={set("phone")}
                errors={fieldErrors.phone}
              />
              <TextField label="Title" value={values.title} onValueChange={set("title")} errors={fieldErrors.title} />
              <AccountPicker
                value={company}
                onChange={(next) => {
                  setCompany(next);
                  setErrors((current) => withoutField(withoutField(current, "companyName"), "accountId"));
                }}
                errors={[...(fieldErrors.companyName ?? []), ...(fieldErrors.accountId ?? [])]}
              />
            </div>
            <OwnerLine kind="people" />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? <Spinner label="Saving" /> : null}
                Create {as === "Lead" ? "lead" : "contact"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
