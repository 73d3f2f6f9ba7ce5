import { CloudOffIcon } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { TEnrichmentList } from "@/server/mapping/enrichment-schemas";
import { objectsWithPushOff, pushKindWords } from "./enrichment-targets";

/** PUSH-1 on this page: which records' kinds are not pushed, so their enrichments ask first. */
export function PushOffNotice({
  pushEnabled,
  isAdmin,
}: {
  pushEnabled: TEnrichmentList["pushEnabled"];
  isAdmin: boolean;
}) {
  const off = objectsWithPushOff(pushEnabled);
  if (off.length === 0) return null;
  const words = pushKindWords(off);
  return (
    <Alert variant="info" icon={<CloudOffIcon />}>
      <AlertDescription>
        <p>
          Push to Salesforce is off for {words}. Using Tandem&apos;s value here asks first, then sends only those
          values.{" "}
          {isAdmin ? (
            <>
              Turn it on in{" "}
              <Link
                href="/settings/salesforce"
                className="font-medium text-foreground underline underline-offset-4 hover:text-primary"
              >
                Settings → Salesforce
              </Link>
              .
            </>
          ) : (
            "An admin can turn it on."
          )}
        </p>
      </AlertDescription>
    </Alert>
  );
}
