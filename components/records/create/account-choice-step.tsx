"use client";

import { useState } from "react";
import { ChoiceGroup } from "@/components/crm/choice-group";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import type { TAccountCandidate } from "@/server/records/write/schemas";
import { displayDomain } from "../format";

const NEW_ACCOUNT = "__new__";

/**
 * Several accounts match the typed company: the rep picks one of them, or a new account with the
 * typed name. Nothing was written yet.
 */
export function AccountChoiceStep({
  companyName,
  message,
  candidates,
  pending,
  error,
  onBack,
  onChoose,
}: {
  companyName: string;
  message: string;
  candidates: TAccountCandidate[];
  pending: boolean;
  error: string | undefined;
  onBack: () => void;
  onChoose: (choice: { accountId: string } | { newAccount: true }) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!choice) return setMissing(true);
        onChoose(choice === NEW_ACCOUNT ? { newAccount: true } : { accountId: choice });
      }}
    >
      <p role="status" className="rounded-md border bg-muted/40 px-3 py-2 text-sm">
        {message}
      </p>
      <FormMessage>{missing && !choice ? "Choose an account, or create a new one." : error}</FormMessage>
      <ChoiceGroup
        legend="Which account is it?"
        columns={1}
        value={choice}
        onChange={(next) => {
          setChoice(next);
          setMissing(false);
        }}
        choices={[
          ...candidates.map((candidate) => ({
            value: candidate.id,
            label: candidate.name,
            description: candidate.website ? displayDomain(candidate.website) : "No website",
          })),
          {
            value: NEW_ACCOUNT,
            label: `Create a new account “${companyName}”`,
            description: "A separate account, even though others have this name.",
          },
        ]}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onBack}>
          Back
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          Create person
        </Button>
      </DialogFooter>
    </form>
  );
}
