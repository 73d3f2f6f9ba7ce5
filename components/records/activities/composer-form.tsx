"use client";

import { OwnerLine } from "@/components/crm/owner-line";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { activityPushKind, type TActivityKind } from "@/server/sync/core/push-kinds";

/** The frame of each composer form: its error banner, fields, owner line and Cancel / Save. */
export function ComposerForm({
  kind,
  formRef,
  onSubmit,
  formError,
  pending,
  saveLabel,
  onCancel,
  showOwner = true,
  children,
}: {
  kind: TActivityKind;
  formRef: React.RefObject<HTMLFormElement | null>;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  formError: string | undefined;
  pending: boolean;
  saveLabel: string;
  onCancel: () => void;
  showOwner?: boolean;
  children: React.ReactNode;
}) {
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4" noValidate>
      <FormMessage>{formError}</FormMessage>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
      <OwnerLine kind={activityPushKind(kind)} showOwner={showOwner} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          {saveLabel}
        </Button>
      </div>
    </form>
  );
}
