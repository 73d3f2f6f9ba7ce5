import { EyeOffIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSalesforceObject } from "@/server/records/record-schemas";

const PLURALS: Record<TSalesforceObject, string> = {
  Account: "accounts",
  Contact: "contacts",
  Lead: "leads",
  Opportunity: "opportunities",
};

/** "Contacts and leads", "Leads": the hidden objects as the subject of a sentence. */
export function hiddenSubject(objects: readonly TSalesforceObject[]): string {
  const words = objects.map((object) => PLURALS[object]);
  const joined = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : (words[0] ?? "");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** PULL-2's explanation: what hidden means, and where an admin changes it. */
export function HiddenSentence({ objects }: { objects: readonly TSalesforceObject[] }) {
  return (
    <>
      {hiddenSubject(objects)} are hidden from view. They still sync and still count for matching. An admin can show
      them on the{" "}
      <Link
        href="/sync#pull-settings"
        className="font-medium text-foreground underline underline-offset-4 hover:text-primary"
      >
        Sync page
      </Link>
      .
    </>
  );
}

/** Above a list that leaves some of its records out. */
export function HiddenNotice({ objects }: { objects: readonly TSalesforceObject[] }) {
  if (objects.length === 0) return null;
  return (
    <Alert variant="info" icon={<EyeOffIcon />}>
      <AlertDescription>
        <p>
          <HiddenSentence objects={objects} />
        </p>
      </AlertDescription>
    </Alert>
  );
}

/** In place of a list, profile or related list whose every record is hidden. */
export function HiddenState({ objects, className }: { objects: readonly TSalesforceObject[]; className?: string }) {
  return (
    <EmptyState
      className={className}
      icon={<EyeOffIcon />}
      title={`${hiddenSubject(objects)} are hidden`}
      description={<HiddenSentence objects={objects} />}
    />
  );
}
