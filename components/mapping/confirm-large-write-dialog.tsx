"use client";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { LARGE_WRITE_RECORDS, type TMappingPreview } from "@/server/mapping/mapping-schemas";
import { countOf, OBJECT_WORDS } from "./mapping-words";

/** A mapping that writes more than 1,000 records at the next pull is saved only once confirmed. */
export function ConfirmLargeWriteDialog({
  preview,
  open,
  pending,
  onConfirm,
  onCancel,
}: {
  preview: TMappingPreview | null;
  open: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const words = preview ? OBJECT_WORDS[preview.object] : null;
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? null : onCancel())}>
      <DialogContent>
        {preview && words ? (
          <>
            <DialogHeader>
              <DialogTitle>
                Write {countOf(preview.writes, "field")} on {countOf(preview.records, words.one, words.many)}?
              </DialogTitle>
              <DialogDescription>
                With this mapping the next pull writes {countOf(preview.writes, "field")} on{" "}
                {countOf(preview.records, words.one, words.many)} in Salesforce, more than{" "}
                {LARGE_WRITE_RECORDS.toLocaleString("en")} records at once.
              </DialogDescription>
            </DialogHeader>
            <p className="text-sm text-muted-foreground">
              {preview.pushEnabled
                ? "Check the examples in the preview first."
                : `Push is off for ${words.pushKind}: nothing is sent until it is turned on.`}{" "}
              Manual enrichments stay as they are, and a value Salesforce changes back afterwards is left alone.
            </p>
            <DialogFooter>
              <Button variant="ghost" onClick={onCancel} pending={pending}>
                Cancel
              </Button>
              <Button onClick={onConfirm} pending={pending}>
                {pending ? <Spinner label="Saving" /> : null}
                Save and write them
              </Button>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
