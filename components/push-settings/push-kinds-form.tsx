"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { InfoIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import type {
  TPushKindState,
  TPushSettingsUpdateResult,
  TPushSettingsView,
} from "@/server/settings/push-settings-schemas";
import type { TPushKind } from "@/server/sync/core/push-kinds";
import { EnableKindDialog } from "./enable-kind-dialog";
import { countOf, PUSH_KIND_LABELS } from "./push-kind-labels";

/** What waits, what failed and what stays in Tandem, in a few words. */
function KindStatus({ state }: { state: TPushKindState }) {
  const parts: React.ReactNode[] = [];
  if (state.local > 0) parts.push(`${state.local.toLocaleString("en")} not in Salesforce`);
  if (state.pending > 0)
    parts.push(
      `${state.pending.toLocaleString("en")} ${state.enabled ? "waiting to be sent" : "held until turned on"}`,
    );
  if (state.failed > 0)
    parts.push(
      <Link key="failed" href="/errors" className="text-destructive underline underline-offset-4">
        {state.failed.toLocaleString("en")} refused by Salesforce
      </Link>,
    );
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-muted-foreground">
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? " · " : null}
          {part}
        </span>
      ))}
    </p>
  );
}

/** Records wait for what they belong to: say so when a kind is on and its parent's is off. */
function waitingNotes(view: TPushSettingsView): string[] {
  const on = (kind: TPushKind) => view.kinds.find((state) => state.kind === kind)?.enabled ?? false;
  const notes: string[] = [];
  if (on("people") && !on("accounts") && view.peopleAs === "Contact")
    notes.push("New contacts whose account exists only in Tandem wait until accounts are pushed too.");
  if (on("opportunities") && !on("accounts"))
    notes.push("Opportunities of accounts that exist only in Tandem wait until accounts are pushed too.");
  if ((["activities", "tasks", "meetings", "notes"] as const).some(on) && !on("people"))
    notes.push("Activities of people who exist only in Tandem wait until people are pushed too.");
  return notes;
}

function toastFor(kind: TPushKind, enabled: boolean, existing: "push" | "skip", result: TPushSettingsUpdateResult) {
  const labels = PUSH_KIND_LABELS[kind];
  if (!enabled) {
    toast.success(`Tandem stops pushing ${labels.many}. What is queued waits until you turn it on again.`);
  } else if (existing === "push" && result.queued > 0) {
    toast.success(`Pushing ${labels.many} now, with the ${countOf(kind, result.queued)} that were only in Tandem.`);
  } else if (result.keptLocal > 0) {
    toast.success(`New ${labels.many} go to Salesforce; ${countOf(kind, result.keptLocal)} stay in Tandem only.`);
  } else {
    toast.success(`${labels.label} now go to Salesforce.`);
  }
}

/**
 * PUSH-1: a switch per kind, and whether people go as Contacts or Leads. Shared by the settings
 * page and the setup wizard; every change is saved at once.
 */
export function PushKindsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.push.settings.get.queryOptions());
  const [asking, setAsking] = useState<TPushKindState | null>(null);
  const update = useMutation(
    trpc.push.settings.update.mutationOptions({
      onSuccess: (result, input) => {
        queryClient.setQueryData(trpc.push.settings.get.queryKey(), result);
        const [kind, enabled] = Object.entries(input.enabled ?? {})[0] ?? [];
        if (kind) toastFor(kind as TPushKind, Boolean(enabled), input.existing ?? "skip", result);
        else if (input.peopleAs) toast.success(`New people go to Salesforce as ${input.peopleAs}s.`);
        setAsking(null);
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  const view = settings.data;
  if (!view) return <Skeleton className="h-96 w-full" />;

  const toggle = (state: TPushKindState, enabled: boolean) => {
    if (enabled && state.local > 0) setAsking(state);
    else update.mutate({ enabled: { [state.kind]: enabled } });
  };
  const notes = waitingNotes(view);

  return (
    <div className="grid gap-4">
      <ul className="divide-y rounded-lg border">
        {view.kinds.map((state) => {
          const labels = PUSH_KIND_LABELS[state.kind];
          const id = `push-${state.kind}`;
          return (
            <li key={state.kind} className="grid gap-3 px-4 py-3">
              <div className="flex items-center justify-between gap-4">
                <div className="min-w-0">
                  <label htmlFor={id} className="font-medium">
                    {labels.label}
                  </label>
                  <p id={`${id}-sends`} className="text-sm text-muted-foreground">
                    {labels.sends}
                  </p>
                  <KindStatus state={state} />
                </div>
                <Switch
                  id={id}
                  aria-describedby={`${id}-sends`}
                  checked={state.enabled}
                  // Not `disabled` while saving: a disabled control drops the keyboard's focus.
                  aria-disabled={update.isPending || undefined}
                  onCheckedChange={(enabled) => !update.isPending && toggle(state, enabled)}
                />
              </div>
              {state.kind === "people" ? (
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span id="people-as-label" className="text-muted-foreground">
                    People go to Salesforce as
                  </span>
                  <Select
                    value={view.peopleAs}
                    onValueChange={(value) =>
                      !update.isPending && update.mutate({ peopleAs: value as "Contact" | "Lead" })
                    }
                  >
                    <SelectTrigger
                      size="sm"
                      aria-labelledby="people-as-label"
                      aria-disabled={update.isPending || undefined}
                      className="w-32"
                    >
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="Contact">Contacts</SelectItem>
                      <SelectItem value="Lead">Leads</SelectItem>
                    </SelectContent>
                  </Select>
                  <span className="text-xs text-muted-foreground">A rep can choose otherwise for one person.</span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {notes.length > 0 ? (
        <Alert variant="info" icon={<InfoIcon />}>
          <AlertDescription>
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </AlertDescription>
        </Alert>
      ) : null}
      <EnableKindDialog
        kind={asking}
        pending={update.isPending}
        onCancel={() => setAsking(null)}
        onAnswer={(existing) => asking && update.mutate({ enabled: { [asking.kind]: true }, existing })}
      />
    </div>
  );
}
