import { CloudOffIcon, InfoIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { TMappedObject } from "@/server/sync/core/field-mapping";
import { OBJECT_WORDS } from "./mapping-words";

const LINK = "font-medium text-foreground underline underline-offset-4";

/** Why a mapping would do nothing yet: push is off for the object's kind (PUSH-1), or nothing is linked (PULL-3). */
export function MappingObjectNotices({
  object,
  pushEnabled,
  linkedRecords,
}: {
  object: TMappedObject;
  pushEnabled: boolean;
  linkedRecords: number;
}) {
  const words = OBJECT_WORDS[object];
  return (
    <>
      {pushEnabled ? null : (
        <Alert variant="warning" icon={<CloudOffIcon />}>
          <AlertDescription>
            <p>
              Push is off for {words.pushKind}: nothing is sent to Salesforce. Turn it on in{" "}
              <Link href="/settings/salesforce" className={LINK}>
                Settings → Salesforce
              </Link>
              .
            </p>
          </AlertDescription>
        </Alert>
      )}
      {linkedRecords === 0 ? (
        <Alert variant="info" icon={<InfoIcon />}>
          <AlertDescription>
            <p>
              No {words.one} is linked to a prospect yet: import prospects or load the sample ones on the{" "}
              <Link href="/people/prospects" className={LINK}>
                Prospects page
              </Link>
              .
            </p>
          </AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}
