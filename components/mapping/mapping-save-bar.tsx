"use client";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/**
 * Save and Discard for one object, with where the rows stand; it stays in view while scrolling.
 * `canSave` and `canDiscard` say whether there is anything to save or discard; while `pending`
 * both stay focusable and ignore clicks.
 */
export function MappingSaveBar({
  status,
  canSave,
  canDiscard,
  pending,
  onSave,
  onDiscard,
}: {
  status: string;
  canSave: boolean;
  canDiscard: boolean;
  pending: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
      <p className="mr-auto text-sm text-muted-foreground" aria-live="polite">
        {status}
      </p>
      <Button variant="ghost" onClick={onDiscard} pending={pending} disabled={!canDiscard}>
        Discard changes
      </Button>
      <Button onClick={onSave} pending={pending} disabled={!canSave}>
        {pending ? <Spinner label="Saving" /> : null}
        Save
      </Button>
    </div>
  );
}
