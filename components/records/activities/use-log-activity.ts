"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { PUSH_KIND_WORDS } from "@/components/crm/owner-line";
import { useCheckedForm } from "@/components/crm/use-checked-form";
import type { TFieldErrors } from "@/components/crm/validate";
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
export function useLogActivity<T extends Record<string, string>>(
  on: TActivityTarget,
  onDone: () => void,
  initial: T | (() => T),
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
  const form = useCheckedForm(initial, log);

  /** `formErrors`: what the form itself found, such as text in a number field, beside the schema's. */
  function submit(event: React.FormEvent<HTMLFormElement>, input: TLogActivityInput, formErrors: TFieldErrors = {}) {
    if (form.check(event, ZLogActivitySchema, input, formErrors)) log.mutate(input);
  }

  return { ...form, submit };
}
