import { ExternalLinkIcon } from "lucide-react";
import type { TPushErrorRow } from "@/server/push-errors/push-error-schemas";

/** The existing Salesforce records a duplicate rule matched, each opening in Salesforce. */
export function DuplicateLinks({ duplicates }: { duplicates: TPushErrorRow["duplicates"] }) {
  if (duplicates.length === 0) return null;
  return (
    <ul className="grid gap-0.5">
      {duplicates.map((duplicate) => (
        <li key={duplicate.id} className="text-xs">
          {duplicate.url ? (
            <a
              href={duplicate.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline"
            >
              Existing {duplicate.object} {duplicate.id}
              <ExternalLinkIcon className="size-3" aria-hidden="true" />
              <span className="sr-only">(opens Salesforce in a new tab)</span>
            </a>
          ) : (
            <span>
              Existing {duplicate.object} <span className="font-mono">{duplicate.id}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
