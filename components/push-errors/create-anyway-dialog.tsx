"use client";

import { CopyPlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { TPushErrorRow } from "@/server/push-errors/push-error-schemas";
import { DuplicateLinks } from "./duplicate-links";

/**
 * "Create anyway" for a create a duplicate rule refused. It asks first: the result is a second
 * record in Salesforce, which Tandem never merges or deletes by itself (DUP-4).
 */
export function CreateAnywayDialog({
  error,
  pending,
  onConfirm,
}: {
  error: TPushErrorRow;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Create anyway: ${error.record.name}`}>
          <CopyPlusIcon /> Create anyway
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Create {error.record.name} anyway?</DialogTitle>
          <DialogDescription>
            A duplicate rule in Salesforce found {error.duplicates.length === 1 ? "a record" : "records"} like this{" "}
            {error.object}. Check {error.duplicates.length === 1 ? "it" : "them"} first: if this is the same{" "}
            {error.object.toLowerCase()}, dismiss the error instead.
          </DialogDescription>
        </DialogHeader>
        <DuplicateLinks duplicates={error.duplicates} />
        <p className="text-sm text-muted-foreground">
          Creating it anyway saves it past the duplicate rule, so Salesforce holds both records. Tandem never merges or
          deletes either by itself; merge them in Salesforce if they turn out to be the same.
        </p>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <Button
            pending={pending}
            onClick={async () => {
              await onConfirm().catch(() => undefined);
              setOpen(false);
            }}
          >
            {pending ? <Spinner /> : null} Create anyway
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
