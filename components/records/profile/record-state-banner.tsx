import { ArchiveIcon, GitMergeIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { TRecordLink, TRecordState } from "@/server/records/record-schemas";
import { formatDateTime } from "../format";

const linkClass = "font-medium text-foreground underline underline-offset-4 hover:text-primary";

/**
 * Why a record that left the lists still opens (from an old link): what happened to it, when,
 * and where its surviving record is.
 */
export function RecordStateBanner({
  state,
  at,
  survivor,
  survivorHref,
}: {
  state: TRecordState;
  at: number;
  survivor: TRecordLink | null;
  survivorHref: string | null;
}) {
  if (state === "active") return null;
  const when = (
    <time dateTime={new Date(at).toISOString()} suppressHydrationWarning>
      {formatDateTime(at)}
    </time>
  );
  const survivorLink =
    survivor && survivorHref ? (
      <Link href={survivorHref} className={linkClass}>
        {survivor.name}
      </Link>
    ) : null;

  if (state === "merged") {
    return (
      <Alert variant="warning" icon={<GitMergeIcon />} className="mb-6">
        <AlertTitle>Merged in Salesforce</AlertTitle>
        <AlertDescription>
          <p>
            {survivorLink ? (
              <>
                This record was merged into {survivorLink} on {when}.{" "}
              </>
            ) : (
              <>This record was merged into another on {when}; the surviving record has not reached Tandem yet. </>
            )}
            Only the surviving record keeps syncing.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  if (state === "retired") {
    return (
      <Alert variant="warning" icon={<ArchiveIcon />} className="mb-6">
        <AlertTitle>Retired as a lead</AlertTitle>
        <AlertDescription>
          <p>
            Salesforce has this person as a contact{survivorLink ? <> ({survivorLink})</> : null}, so Tandem shows the
            contact and has kept this lead out of lists since {when}. Its history moved to the contact.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant="destructive" icon={<Trash2Icon />} className="mb-6">
      <AlertTitle>Deleted in Salesforce</AlertTitle>
      <AlertDescription>
        <p>
          This record was deleted in Salesforce on {when}. Tandem keeps its copy so old links still open, but it no
          longer syncs or shows in lists.
        </p>
      </AlertDescription>
    </Alert>
  );
}
