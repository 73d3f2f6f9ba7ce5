"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlertIcon, GitMergeIcon, InfoIcon } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { ChoiceGroup } from "@/components/crm/choice-group";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { TMergePreview } from "@/server/duplicates/merge/get-merge-preview";
import type { TSide } from "@/server/duplicates/merge/merge-options";
import type { TMergeResult } from "@/server/duplicates/merge/merge-schemas";
import { formatDate } from "../records/format";
import { distinctNames } from "./duplicate-display";
import { MergeFieldChoices } from "./merge-field-choices";
import {
  choicesToSend,
  defaultChoices,
  mergeConsequences,
  mergeFieldRows,
  otherSide,
  salesforceOptionLabel,
} from "./merge-plan";
import { RecordKindBadge } from "./record-kind-badge";

type TPreviewRecord = TMergePreview["records"][TSide];

const KIND_WORDS: Record<TPreviewRecord["kind"], string> = {
  contact: "contact",
  lead: "lead",
  account: "account",
  person: "prospect",
  company: "prospect company",
};

/** Where a record stands with Salesforce, in a few words. */
function salesforceLine(record: TPreviewRecord): string {
  if (record.ref.type === "prospect") return "Prospect: Tandem's own record";
  if (!record.sfId) return "Not in Salesforce yet";
  return `Salesforce ${record.sfObject} ${record.sfId}`;
}

function SurvivorLabel({ record }: { record: TPreviewRecord }) {
  return (
    <span className="grid gap-1">
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="break-words">{record.name}</span>
        <RecordKindBadge record={{ type: record.ref.type, kind: record.kind }} className="bg-background" />
      </span>
      <span className="text-xs font-normal text-muted-foreground">
        {salesforceLine(record)} · created {formatDate(new Date(record.createdAt).toISOString())}
      </span>
    </span>
  );
}

/**
 * A checkbox with its label and the sentence under it, all read together. While `pending` it
 * ignores changes but is not `disabled`, which would drop the keyboard's focus.
 */
function CheckOption({
  id,
  label,
  description,
  checked,
  disabled,
  pending,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  disabled: boolean;
  pending: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-disabled={(pending && !disabled) || undefined}
        aria-describedby={`${id}-description`}
        onChange={(event) => !pending && onChange(event.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className={disabled ? "text-sm text-muted-foreground" : "text-sm font-medium"}>
          {label}
        </label>
        <p id={`${id}-description`} className="text-[0.8125rem] text-muted-foreground">
          {description}
        </p>
      </div>
    </div>
  );
}

/**
 * DUP-3's merge, for a previewed pair: which record survives, which value each differing field
 * keeps, whether Salesforce merges (or converts) too, and for admins whether Tandem stops syncing
 * the merged-away Salesforce record. What the merge does is spelled out before the rep confirms.
 */
export function MergeForm({
  preview,
  isAdmin,
  onMerged,
}: {
  preview: TMergePreview;
  isAdmin: boolean;
  onMerged: (result: TMergeResult, names: { survivor: string; loser: string }) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const { records, options } = preview;
  const [survivor, setSurvivor] = useState<TSide>(options.defaultSurvivor);
  const [changed, setChanged] = useState<Record<string, TSide>>({});
  const [alsoMerge, setAlsoMerge] = useState(false);
  const [stopSyncing, setStopSyncing] = useState(false);
  const merge = useMutation(trpc.duplicates.merge.mutationOptions());

  const loser = otherSide(survivor);
  const salesforce = options.salesforce[survivor];
  const mergesInSalesforce = alsoMerge && salesforce.mode !== null;
  const canStop = isAdmin && options.canStopSyncing[survivor];
  const stops = canStop && stopSyncing && !mergesInSalesforce;
  const rows = mergeFieldRows(preview, survivor);
  const chosen = { ...defaultChoices(preview, survivor), ...changed };
  const names = distinctNames({ ...records.a, type: records.a.ref.type }, { ...records.b, type: records.b.ref.type });
  const pending = merge.isPending;

  // The dialog may open before the two records arrive: once they do, focus starts on the choice of survivor.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("input[type=radio]:checked")?.focus();
  }, []);

  useEffect(() => {
    if (merge.isError) errorRef.current?.focus();
  }, [merge.isError]);

  function chooseSurvivor(side: TSide) {
    setSurvivor(side);
    setChanged({});
    setAlsoMerge(false);
    setStopSyncing(false);
    merge.reset();
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    merge.mutate(
      {
        pairId: preview.pairId,
        survivor,
        choices: choicesToSend(preview, survivor, changed),
        alsoMergeInSalesforce: mergesInSalesforce,
        stopSyncing: stops,
      },
      { onSuccess: (result) => onMerged(result, { survivor: names[survivor], loser: names[loser] }) },
    );
  }

  const prospectReason =
    "A prospect merges into the CRM record: the CRM record is kept, and the prospect is linked to it.";
  return (
    <form ref={formRef} onSubmit={submit} className="grid min-w-0 gap-5" aria-busy={pending || undefined}>
      <ChoiceGroup
        legend="Keep which record?"
        value={survivor}
        onChange={chooseSurvivor}
        choices={(["a", "b"] as const).map((side) => ({
          value: side,
          label: <SurvivorLabel record={records[side]} />,
          description: options.survivors.includes(side)
            ? side === survivor
              ? records[side].sfId
                ? "Kept: only this one goes on syncing."
                : "Kept."
              : undefined
            : prospectReason,
          disabled: !options.survivors.includes(side),
        }))}
        pending={pending}
      />
      <MergeFieldChoices
        {...rows}
        chosen={chosen}
        onChoose={(key, side) => setChanged((current) => ({ ...current, [key]: side }))}
        names={names}
        survivorName={names[survivor]}
        survivorKind={KIND_WORDS[records[survivor].kind]}
        pending={pending}
      />
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Salesforce</legend>
        <CheckOption
          id={`${ids}-also-merge`}
          label={salesforceOptionLabel(salesforce.mode)}
          description={salesforce.reason}
          checked={mergesInSalesforce}
          disabled={salesforce.mode === null}
          pending={pending}
          onChange={(checked) => {
            setAlsoMerge(checked);
            if (checked) setStopSyncing(false);
          }}
        />
        {canStop ? (
          <CheckOption
            id={`${ids}-stop-syncing`}
            label={`Stop syncing ${names[loser]}'s Salesforce record`}
            description={
              mergesInSalesforce
                ? "Not needed while Salesforce merges them: its record goes away there."
                : "Tandem passes over it on every sync, even when it changes. An admin can sync it again under Settings → Salesforce."
            }
            checked={stops}
            disabled={mergesInSalesforce}
            pending={pending}
            onChange={setStopSyncing}
          />
        ) : null}
      </fieldset>
      <Alert variant="info" icon={<InfoIcon />} role="note" aria-label="What the merge does">
        <AlertDescription className="text-foreground">
          {mergeConsequences({
            survivor: { name: names[survivor], sfId: records[survivor].sfId, type: records[survivor].ref.type },
            loser: { name: names[loser], sfId: records[loser].sfId, type: records[loser].ref.type },
            salesforce: mergesInSalesforce ? salesforce.mode : null,
            stopSyncing: stops,
          }).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </AlertDescription>
      </Alert>
      {merge.isError ? (
        <Alert variant="destructive" icon={<CircleAlertIcon />} ref={errorRef} tabIndex={-1} className="outline-none">
          <AlertTitle>Nothing was merged</AlertTitle>
          <AlertDescription>
            <p>{merge.error.message}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline" pending={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" pending={pending} className="min-w-0">
          {pending ? <Spinner label="Merging" /> : <GitMergeIcon />}
          <span className="truncate">Merge into {names[survivor]}</span>
        </Button>
      </DialogFooter>
    </form>
  );
}
