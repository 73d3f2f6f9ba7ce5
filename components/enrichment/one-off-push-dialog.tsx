"use client";

import { SendIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { oneOffQuestion } from "./enrichment-targets";
import type { TOneOffRequest } from "./use-enrichment-actions";

/**
 * MAP-5 with PUSH-1 off: a rep's enrichment can still go, once, after they confirm. The kind's
 * switch is not touched; everything else stays in Tandem.
 */
export function OneOffPushDialog({
  request,
  pending,
  isAdmin,
  onConfirm,
  onCancel,
}: {
  request: TOneOffRequest | null;
  pending: boolean;
  isAdmin: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={request !== null} onOpenChange={(open) => (open || pending ? undefined : onCancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Send to Salesforce once?</DialogTitle>
          <DialogDescription>{request ? oneOffQuestion(request.pushOff, request.values) : null}</DialogDescription>
        </DialogHeader>
        <p className="text-sm text-muted-foreground">
          {isAdmin
            ? "To send every enrichment without asking, turn push on under Settings → Salesforce."
            : "An admin can turn push on under Settings → Salesforce; until then Tandem asks each time."}
        </p>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost" pending={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button pending={pending} onClick={onConfirm}>
            {pending ? <Spinner aria-hidden="true" role={undefined} /> : <SendIcon />} Send once
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
