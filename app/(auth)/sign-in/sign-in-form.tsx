"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldControl, FieldLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { signInAction, type TSignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<TSignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="grid gap-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage>{state.error}</FormMessage>
      <Field>
        <FieldLabel>Email</FieldLabel>
        <FieldControl>
          <Input name="email" type="email" autoComplete="email" defaultValue={state.email} required autoFocus />
        </FieldControl>
      </Field>
      <Field>
        <FieldLabel>Password</FieldLabel>
        <FieldControl>
          <Input name="password" type="password" autoComplete="current-password" required />
        </FieldControl>
      </Field>
      <Button type="submit" size="lg" pending={pending} className="w-full">
        {pending ? <Spinner /> : null}
        Sign in
      </Button>
    </form>
  );
}
