import { CircleCheckIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TAddToCrmResult } from "@/server/records/write/form-schemas";
import { addToCrmNotes, addToCrmSummary, skippedReasons } from "./add-to-crm-result";

const numbers = new Intl.NumberFormat("en");

/** What the last "Add to CRM" did, above the list until dismissed: counts, notes and why prospects were skipped. */
export function AddToCrmSummary({ result, onDismiss }: { result: TAddToCrmResult; onDismiss: () => void }) {
  const reasons = skippedReasons(result);
  const notes = addToCrmNotes(result);
  const warn = result.skipped > 0;
  return (
    <Alert
      variant={warn ? "warning" : "info"}
      icon={warn ? <TriangleAlertIcon aria-hidden="true" /> : <CircleCheckIcon aria-hidden="true" />}
      className="pr-12"
    >
      <AlertTitle>{addToCrmSummary(result)}</AlertTitle>
      <AlertDescription>
        {result.created > 0 ? <p>Added prospects are CRM records now and have left this list.</p> : null}
        {notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
        {reasons.length > 0 ? (
          <ul className="list-inside list-disc">
            {reasons.map(({ reason, count }) => (
              <li key={reason}>
                {reason}
                {count > 1 ? ` (${numbers.format(count)})` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {result.skipped > result.problems.length ? (
          <p>The first {numbers.format(result.problems.length)} reasons are shown.</p>
        ) : null}
      </AlertDescription>
      <Button
        variant="ghost"
        size="icon"
        onClick={onDismiss}
        className="absolute top-1.5 right-1.5 size-8 text-foreground"
      >
        <XIcon aria-hidden="true" />
        <span className="sr-only">Dismiss this summary</span>
      </Button>
    </Alert>
  );
}
