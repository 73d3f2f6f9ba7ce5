"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Building2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { toast } from "sonner";
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
import { ZNewAccountSchema } from "@/server/records/write/schemas";

const EMPTY = { name: "", website: "", industry: "", phone: "", city: "", country: "" };

/** "New account": written in Tandem with its history and outbox row, then its profile opens. */
export function NewAccountDialog() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const create = useMutation(
    trpc.crm.accounts.create.mutationOptions({
      onSuccess: async (account) => {
        await queryClient.invalidateQueries({ queryKey: trpc.records.pathKey() });
        toast.success(
          account.pushState === "local"
            ? `${account.name} was created. It stays in Tandem while pushing accounts is off.`
            : `${account.name} was created and is on its way to Salesforce.`,
        );
        setOpen(false);
        router.push(`/accounts/${account.id}`);
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
    const checked = validate(ZNewAccountSchema, values);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirstInvalid(formRef.current);
    create.mutate(values);
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
        <Button>
          <Building2Icon /> New account
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New account</DialogTitle>
          <DialogDescription>Only the name is required.</DialogDescription>
        </DialogHeader>
        <form ref={formRef} onSubmit={submit} className="grid gap-4" noValidate>
          <FormMessage>{Object.keys(server.fields).length > 0 ? undefined : server.form}</FormMessage>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Account name"
              value={values.name}
              onValueChange={set("name")}
              errors={fieldErrors.name}
              className="sm:col-span-2"
              required
              autoFocus
            />
            <TextField
              label="Website"
              placeholder="acme.com"
              value={values.website}
              onValueChange={set("website")}
              errors={fieldErrors.website}
            />
            <TextField
              label="Industry"
              value={values.industry}
              onValueChange={set("industry")}
              errors={fieldErrors.industry}
            />
            <TextField
              label="Phone"
              type="tel"
              value={values.phone}
              onValueChange={set("phone")}
              errors={fieldErrors.phone}
            />
            <TextField label="City" value={values.city} onValueChange={set("city")} errors={fieldErrors.city} />
            <TextField
              label="Country"
              value={values.country}
              onValueChange={set("country")}
              errors={fieldErrors.country}
            />
          </div>
          <OwnerLine kind="accounts" />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner label="Saving" /> : null}
              Create account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
