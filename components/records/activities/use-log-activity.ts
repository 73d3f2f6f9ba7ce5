"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { focusFirstInvalid, serverErrors, type TFieldErrors, validate, withoutField } from "@/components/crm/validate";
import { useTRPC } from "@/components/trpc/provider";
import {
  type TActivity,
  type TActivityTarget,
  type TLogActivityInput,
  ZLogActivitySchema,
} from "@/server/records/write/activity-schemas";
import { activityPushKind, type TActivityKind } from "@/server/sync/core/push-kinds";

const LOGGED: Record<TActivityKind, string> = {
  call: "Call logged",
  email: "Email logged",
  task: "Task created",
  meeting: "Meeting scheduled",
  note: "Note added",
};

export function loggedMessage(activity: TActivity): string {
  const words = PUSH_KIND_WORDS[activityPushKind(activity.kind)];
  return activity.pushState === "local"
    ? `${LOGGED[activity.kind]}. It stays in Tandem while pushing ${words} is off.`
    : `${LOGGED[activity.kind]}; it is on its way to Salesforce.`;
}

/**
 * One composer form's save: checked with the server's schema first (the messages say what to
 * fix), then logged on the record; the timeline and the record's history refresh.
 */
export function useLogActivity(on: TActivityTarget, onDone: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const log = useMutation(
    trpc.crm.activities.log.mutationOptions({
      onSuccess: async (activity) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.crm.activities.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.records.activity.pathKey() }),
        ]);
        toast.success(loggedMessage(activity));
        onDone();
      },
    }),
  );
  const server = serverErrors(log.error);

  /** `formErrors`: what the form itself found, such as text in a number field, beside the schema's. */
  function submit(event: React.FormEvent<HTMLFormElement>, input: TLogActivityInput, formErrors: TFieldErrors = {}) {
    event.preventDefault();
    log.reset();
    const checked = validate(ZLogActivitySchema, input);
    const next = { ...(checked.ok ? {} : checked.errors), ...formErrors };
    setErrors(next);
    if (Object.keys(next).length > 0) return focusFirstInvalid(formRef.current);
    log.mutate(input);
  }

  return {
    formRef,
    submit,
    errors: { ...server.fields, ...errors },
    formError: Object.keys(server.fields).length > 0 ? undefined : server.form,
    pending: log.isPending,
    clearError: (field: string) => setErrors((current) => withoutField(current, field)),
  };
}
