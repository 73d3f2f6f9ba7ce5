"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
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
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { TProspectKind } from "@/server/prospects/schemas";
import { ProspectField } from "./prospect-field";

const PERSON_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "title",
  "company",
  "website",
  "phone",
  "city",
  "country",
  "linkedinUrl",
] as const;
const COMPANY_FIELDS = ["name", "website", "industry", "phone", "city", "country", "linkedinUrl"] as const;

/** Adds one person or company by hand; it is matched against the CRM like an imported one. */
export function AddProspectDialog({
  variant = "default",
  size = "default",
}: {
  variant?: "default" | "outline";
  size?: "default" | "sm";
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TProspectKind>("person");
  const create = useMutation(
    trpc.prospects.create.mutationOptions({
      onSuccess: async (prospect) => {
        await queryClient.invalidateQueries({ queryKey: trpc.prospects.list.queryKey() });
        if (prospect.inCrm)
          toast.success(`${prospect.name} is already in the CRM, so it is marked “In CRM” and hidden from the list.`);
        else toast.success(`${prospect.name} was added to your prospects.`);
        setOpen(false);
      },
    }),
  );
  const fieldErrors = (create.error?.data?.zodError?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const formError = create.error && !create.error.data?.zodError ? create.error.message : undefined;

  // onSubmit, not a form action: a rejected entry must keep what was typed.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const fields = kind === "person" ? PERSON_FIELDS : COMPANY_FIELDS;
    create.mutate({ kind, ...Object.fromEntries(fields.map((field) => [field, String(data.get(field) ?? "")])) });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant} size={size}>
          <PlusIcon /> Add prospect
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Add a prospect</DialogTitle>
          <DialogDescription>
            Only the name is required. If Salesforce already has this {kind === "person" ? "email" : "website"}, the
            prospect is marked “In CRM”.
          </DialogDescription>
        </DialogHeader>
        <Tabs
          value={kind}
          onValueChange={(value) => {
            setKind(value as TProspectKind);
            create.reset();
          }}
        >
          <TabsList className="w-full">
            <TabsTrigger value="person">Person</TabsTrigger>
            <TabsTrigger value="company">Company</TabsTrigger>
          </TabsList>
        </Tabs>
        <form key={kind} onSubmit={submit} className="grid gap-4" noValidate>
          <FormMessage>{formError}</FormMessage>
          {kind === "person" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <ProspectField name="firstName" label="First name" errors={fieldErrors.name} autoFocus />
              <ProspectField name="lastName" label="Last name" />
              <ProspectField
                name="email"
                label="Email"
                type="email"
                errors={fieldErrors.email}
                className="sm:col-span-2"
              />
              <ProspectField name="title" label="Job title" errors={fieldErrors.title} />
              <ProspectField name="company" label="Company" errors={fieldErrors.company} />
              <ProspectField
                name="website"
                label="Company website"
                placeholder="acme.com"
                errors={fieldErrors.website}
              />
              <ProspectField name="phone" label="Phone" type="tel" errors={fieldErrors.phone} />
              <ProspectField name="city" label="City" errors={fieldErrors.city} />
              <ProspectField name="country" label="Country" errors={fieldErrors.country} />
              <ProspectField
                name="linkedinUrl"
                label="LinkedIn URL"
                errors={fieldErrors.linkedinUrl}
                className="sm:col-span-2"
              />
            </div>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <ProspectField
                name="name"
                label="Company name"
                errors={fieldErrors.name}
                className="sm:col-span-2"
                autoFocus
              />
              <ProspectField name="website" label="Website" placeholder="acme.com" errors={fieldErrors.website} />
              <ProspectField name="industry" label="Industry" errors={fieldErrors.industry} />
              <ProspectField name="phone" label="Phone" type="tel" errors={fieldErrors.phone} />
              <ProspectField name="city" label="City" errors={fieldErrors.city} />
              <ProspectField name="country" label="Country" errors={fieldErrors.country} />
              <ProspectField name="linkedinUrl" label="LinkedIn URL" errors={fieldErrors.linkedinUrl} />
            </div>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Add {kind === "person" ? "person" : "company"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
