"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldControl, FieldDescription, FieldError, FieldLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { createFirstAdminAction, type TFirstAdminState } from "./actions";

/** The first admin's account; `token` is the setup token the page was opened with. */
export function FirstAdminForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<TFirstAdminState, FormData>(createFirstAdminAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-5" noValidate>
      <FormMessage>{state.error}</FormMessage>
      <input type="hidden" name="token" value={token} />
      <Field>
        <FieldLabel>Your name</FieldLabel>
        <FieldControl>
          <Input name="name" autoComplete="name" defaultValue={state.values?.name} required autoFocus />
        </FieldControl>
        <FieldError errors={errors.name} />
      </Field>
      <Field>
        <FieldLabel>Work email</FieldLabel>
        <FieldControl>
          <Input name="email" type="email" autoComplete="email" defaultValue={state.values?.email} required />
        </FieldControl>
        <FieldError errors={errors.email} />
      </Field>
      <Field>
        <FieldLabel>Password</FieldLabel>
        <FieldControl>
          <Input name="password" type="password" autoComplete="new-password" required />
        </FieldControl>
        <FieldDescription>At least 10 characters.</FieldDescription>
        <FieldError errors={errors.password} />
      </Field>
      <Field>
        <FieldLabel>Confirm password</FieldLabel>
        <FieldControl>
          <Input name="confirmPassword" type="password" autoComplete="new-password" required />
        </FieldControl>
        <FieldError errors={errors.confirmPassword} />
      </Field>
      <Button type="submit" size="lg" pending={pending} className="w-full">
        {pending ? <Spinner /> : null}
        Create admin account
      </Button>
    </form>
  );
}
