"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlusIcon } from "lucide-react";
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
import { Field, FieldControl, FieldDescription, FieldError, FieldLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

type TRole = "admin" | "member";

export function AddMemberDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<TRole>("member");
  const add = useMutation(
    trpc.users.add.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        toast.success(`${user.name} can now sign in as ${user.role}.`);
        setOpen(false);
      },
    }),
  );
  const fieldErrors = (add.error?.data?.zodError?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const formError = add.error && !add.error.data?.zodError ? add.error.message : undefined;

  // onSubmit, not a form action: React resets a form after an action, and a rejected entry
  // must keep what was typed.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    add.mutate({
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      role,
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) add.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon /> Add member
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a team member</DialogTitle>
          <DialogDescription>
            They sign in with this email and password. Share the password with them privately.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <FormMessage>{formError}</FormMessage>
          <Field>
            <FieldLabel>Name</FieldLabel>
            <FieldControl>
              <Input name="name" autoComplete="off" required />
            </FieldControl>
            <FieldError errors={fieldErrors.name} />
          </Field>
          <Field>
            <FieldLabel>Email</FieldLabel>
            <FieldControl>
              <Input name="email" type="email" autoComplete="off" required />
            </FieldControl>
            <FieldError errors={fieldErrors.email} />
          </Field>
          <Field>
            <FieldLabel>Temporary password</FieldLabel>
            <FieldControl>
              <Input name="password" type="password" autoComplete="new-password" required />
            </FieldControl>
            <FieldDescription>At least 10 characters.</FieldDescription>
            <FieldError errors={fieldErrors.password} />
          </Field>
          <Field>
            <FieldLabel>Role</FieldLabel>
            <Select value={role} onValueChange={(value) => setRole(value as TRole)}>
              <FieldControl>
                <SelectTrigger className="w-full">
                  <SelectValue />
                </SelectTrigger>
              </FieldControl>
              <SelectContent>
                <SelectItem value="member">Member — works prospects and CRM records</SelectItem>
                <SelectItem value="admin">Admin — also changes settings and the team</SelectItem>
              </SelectContent>
            </Select>
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={add.isPending}>
              {add.isPending ? <Spinner /> : null}
              Add member
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
