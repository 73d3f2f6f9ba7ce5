"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormActions } from "@/components/crm/checked-form";
import { ChoiceGroup } from "@/components/crm/choice-group";
import { FormDialog } from "@/components/crm/form-dialog";
import { OwnerLine } from "@/components/crm/owner-line";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

const numbers = new Intl.NumberFormat("en");

export type TPersonAs = "contact" | "lead";

/** "3 people, 1 company". */
function kinds(people: number, companies: number): string {
  return `${numbers.format(people)} ${people === 1 ? "person" : "people"}, ${numbers.format(companies)} ${companies === 1 ? "company" : "companies"}`;
}

/** "Add all to CRM": says how many prospects that is before it adds them, people as contacts or leads. */
export function AddAllDialog({
  as,
  onConfirm,
  pending,
}: {
  as: TPersonAs;
  onConfirm: (as: TPersonAs, count: number) => void;
  /** A run is under way: the trigger keeps its focus but does not open the dialog. */
  pending: boolean;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<TPersonAs | null>(null);
  // Every prospect not in the CRM yet, whatever the list's search and filters: what `all` adds.
  const everyone = useQuery({ ...trpc.prospects.list.queryOptions({ pageSize: 1 }), enabled: open, staleTime: 0 });
  const people = useQuery({
    ...trpc.prospects.list.queryOptions({ pageSize: 1, kind: "person" }),
    enabled: open,
    staleTime: 0,
  });
  const total = everyone.data?.total;
  const personAs = chosen ?? as;

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setChosen(null);
      }}
      trigger={
        <Button variant="outline" size="sm" pending={pending}>
          Add all to CRM
        </Button>
      }
      title="Add every prospect to the CRM?"
      description={
        <div>
          {total === undefined ? (
            <Skeleton className="h-4 w-64 max-w-full" />
          ) : (
            <p>
              {numbers.format(total)} {total === 1 ? "prospect is" : "prospects are"} not in the CRM yet
              {people.data ? ` (${kinds(people.data.total, total - people.data.total)})` : ""}. Each becomes a CRM
              record and leaves prospecting lists; the list&apos;s search and filters do not narrow this.
            </p>
          )}
        </div>
      }
      descriptionAsChild
      className="sm:max-w-lg"
    >
      <ChoiceGroup
        legend="Add people as"
        value={personAs}
        onChange={setChosen}
        choices={[
          { value: "contact", label: "Contacts", description: "With their company's account, found or created." },
          { value: "lead", label: "Leads", description: "With their company name." },
        ]}
      />
      <OwnerLine kind="people" />
      <FormActions onCancel={() => setOpen(false)}>
        <Button
          type="button"
          disabled={!total}
          onClick={() => {
            setOpen(false);
            onConfirm(personAs, total ?? 0);
          }}
        >
          {total === undefined ? "Add all to CRM" : `Add ${numbers.format(total)} to CRM`}
        </Button>
      </FormActions>
    </FormDialog>
  );
}
