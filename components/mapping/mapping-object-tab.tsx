"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftRightIcon, CircleAlertIcon, PlusIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TMappingView } from "@/server/mapping/mapping-schemas";
import type { TMappedObject } from "@/server/sync/core/field-mapping";
import { ConfirmLargeWriteDialog } from "./confirm-large-write-dialog";
import { duplicateRows, pairKey, type TDraftRow } from "./mapping-draft";
import { MappingObjectNotices } from "./mapping-object-notices";
import { MappingPreview } from "./mapping-preview";
import { MappingRow } from "./mapping-row";
import { MappingSaveBar } from "./mapping-save-bar";
import { countOf, OBJECT_WORDS, saveStatus } from "./mapping-words";
import { MAX_ROWS, useMappingDraft } from "./use-mapping-draft";
import { useMappingPreview } from "./use-mapping-preview";

type TObjectView = TMappingView["objects"][number];

const COLUMNS = "md:grid-cols-[minmax(0,1fr)_1rem_minmax(0,1fr)_11rem_2.25rem] md:gap-x-3";

/** MAP-1 for one object: its rows, what the next pull would write with them, Save and Discard. */
export function MappingObjectTab({
  view,
  onDirtyChange,
}: {
  view: TObjectView;
  onDirtyChange: (object: TMappedObject, dirty: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const words = OBJECT_WORDS[view.object];
  const draft = useMappingDraft(view.entries);
  const next = useMappingPreview(view.object, draft.entries, draft.dirty);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);

  const save = useMutation(
    trpc.mapping.save.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.mapping.view.queryKey(), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.mapping.preview.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.enrichment.pathKey() });
        draft.discard();
        setConfirming(false);
        const linked = saved.objects.find((object) => object.object === view.object)?.linkedRecords ?? 0;
        toast.success(`Saved. The next pull applies it to ${countOf(linked, "linked record")}.`);
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(error.message);
      },
    }),
  );

  const { dirty } = draft;
  useEffect(() => onDirtyChange(view.object, dirty), [onDirtyChange, view.object, dirty]);

  const savedProblems = new Map(
    view.entries.flatMap((entry) => (entry.problem ? [[pairKey(entry), entry.problem]] : [])),
  );
  const duplicates = duplicateRows(draft.rows);
  const problemsOf = (row: TDraftRow): string[] => {
    const saved = savedProblems.get(pairKey(row));
    const server = (dirty ? next.problemsOf(row) : null) ?? (saved ? [saved] : []);
    const duplicate = duplicates.get(row.key);
    return duplicate ? [...server, duplicate] : server;
  };
  const blocked = draft.rows.some((row) => problemsOf(row).length > 0);
  const pending = save.isPending;

  const edit = <T,>(change: () => T): T => {
    if (save.error) save.reset();
    return change();
  };
  const addRow = () => setFocusKey(edit(() => draft.add()));
  const removeRow = (key: string) => {
    edit(() => draft.remove(key));
    addButton.current?.focus();
  };
  const submit = (confirmLargeWrite: boolean) =>
    save.mutate({ object: view.object, entries: draft.entries, confirmLargeWrite });

  return (
    <div className="grid gap-4">
      <MappingObjectNotices object={view.object} pushEnabled={view.pushEnabled} linkedRecords={view.linkedRecords} />
      <Card role="region" aria-labelledby={`mapping-${view.object}-title`} className="gap-0 py-0">
        <CardHeader className="border-b py-4">
          <CardTitle asChild className="text-base">
            <h2 id={`mapping-${view.object}-title`}>{view.object} fields</h2>
          </CardTitle>
          <CardDescription>
            Which {view.object} field each Tandem field fills, and when. It acts on{" "}
            {countOf(view.linkedRecords, `linked ${words.one}`, `linked ${words.many}`)}.
            {view.saved ? "" : " These are the default pairs, all off until you change them."}
          </CardDescription>
        </CardHeader>
        <CardContent className="px-0">
          {draft.rows.length > 0 ? (
            <>
              <div
                aria-hidden="true"
                className={`hidden border-b px-4 py-2 text-xs font-medium text-muted-foreground md:grid ${COLUMNS}`}
              >
                <span>Tandem field</span>
                <span />
                <span>Salesforce field</span>
                <span>Mode</span>
                <span />
              </div>
              <ul aria-label={`${view.object} field mapping`} className="divide-y">
                {draft.rows.map((row, index) => (
                  <MappingRow
                    key={row.key}
                    position={index + 1}
                    row={row}
                    view={view}
                    problems={problemsOf(row)}
                    problemNote={dirty ? "Change this row to save." : "Sync skips this row until it is fixed."}
                    pending={pending}
                    focusOnMount={row.key === focusKey}
                    onChange={(change) => edit(() => draft.update(row.key, change))}
                    onRemove={() => removeRow(row.key)}
                  />
                ))}
              </ul>
            </>
          ) : (
            <EmptyState
              className="m-4"
              icon={<ArrowLeftRightIcon />}
              title={`No fields mapped for ${words.tab}.`}
              description="Add a row: a Tandem field, the Salesforce field it fills, and when."
            />
          )}
        </CardContent>
        <CardFooter className="border-t py-3">
          <Button
            ref={addButton}
            variant="outline"
            size="sm"
            onClick={addRow}
            pending={pending}
            disabled={draft.rows.length >= MAX_ROWS}
          >
            <PlusIcon /> Add row
          </Button>
        </CardFooter>
      </Card>
      {dirty ? (
        <MappingPreview preview={next.preview} updating={next.updating} error={next.error?.message ?? null} />
      ) : null}
      {save.error ? (
        <Alert variant="destructive" icon={<CircleAlertIcon />}>
          <AlertDescription>
            <p>{save.error.message}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <MappingSaveBar
        status={saveStatus({
          pending,
          dirty,
          saved: view.saved,
          complete: draft.complete,
          blocked,
          current: next.current,
        })}
        canDiscard={dirty}
        canSave={dirty && draft.complete && next.current && !blocked}
        pending={pending}
        onDiscard={() => edit(draft.discard)}
        onSave={() => (next.preview?.needsConfirmation ? setConfirming(true) : submit(false))}
      />
      <ConfirmLargeWriteDialog
        preview={next.preview}
        open={confirming}
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => submit(true)}
      />
    </div>
  );
}
