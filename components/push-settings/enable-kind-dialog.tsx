"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { TPushKindState } from "@/server/settings/push-settings-schemas";
import { countOf, PUSH_KIND_LABELS } from "./push-kind-labels";

/**
 * PUSH-1: turning a kind on while it has records Not in Salesforce asks what to do with them:
 * push them too, or only records created from now on.
 */
export function EnableKindDialog({
  kind,
  pending,
  onAnswer,
  onCancel,
}: {
  kind: TPushKindState | null;
  pending: boolean;
  onAnswer: (existing: "push" | "skip") => void;
  onCancel: () => void;
}) {
  // The last kind asked about stays on screen while the dialog closes.
  const [shown, setShown] = useState(kind);
  if (kind && kind !== shown) setShown(kind);
  const labels = shown ? PUSH_KIND_LABELS[shown.kind] : null;
  return (
    <Dialog open={kind !== null} onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent>
        {shown && labels ? (
          <>
            <DialogHeader>
              <DialogTitle>Push {labels.many} to Salesforce</DialogTitle>
              <DialogDescription>
                {countOf(shown.kind, shown.local)} {shown.local === 1 ? "is" : "are"} in Tandem but not in Salesforce.
                Push {shown.local === 1 ? "it" : "them"} too, or only new ones?
              </DialogDescription>
            </DialogHeader>
            <p className="text-sm text-muted-foreground">
              Only new ones: {shown.local === 1 ? "it stays" : "they stay"} in Tandem, marked Not in Salesforce; editing
              one later sends it.
            </p>
            <DialogFooter>
              <Button variant="ghost" onClick={onCancel} pending={pending}>
                Cancel
              </Button>
              <Button variant="outline" onClick={() => onAnswer("skip")} pending={pending}>
                Only new ones
              </Button>
              <Button onClick={() => onAnswer("push")} pending={pending}>
                Push {shown.local === 1 ? "it" : "them"} too
              </Button>
            </DialogFooter>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
