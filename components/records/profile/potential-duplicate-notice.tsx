"use client";

import { useQuery } from "@tanstack/react-query";
import { CopyIcon } from "lucide-react";
import Link from "next/link";
import { formatScore } from "@/components/duplicates/duplicate-display";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertAction, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const linkClass = "font-medium text-foreground underline underline-offset-4 hover:text-primary";

/**
 * DUP-1 on a profile: the record's best open potential duplicate, how many more there are, why
 * they look alike, and the way to the merge dialog. Nothing while there is none.
 */
export function PotentialDuplicateNotice({ type, id }: { type: "person" | "account"; id: string }) {
  const trpc = useTRPC();
  const duplicates = useQuery(trpc.duplicates.forRecord.queryOptions({ type, id }));
  const [best, ...more] = duplicates.data ?? [];
  if (!best) return null;
  const other = best.other.href ? (
    <Link href={best.other.href} className={linkClass}>
      {best.other.name}
    </Link>
  ) : (
    best.other.name
  );
  return (
    <Alert variant="warning" icon={<CopyIcon />} role="region" aria-label="Potential duplicate" className="mb-6">
      <AlertTitle className="text-foreground">
        Potential duplicate of {other}
        {more.length > 0 ? <span className="font-normal text-muted-foreground"> +{more.length} more</span> : null}
      </AlertTitle>
      <AlertDescription>
        <p>
          {formatScore(best.score)} match. Tandem never merges by itself: review the pair to merge it or mark it not a
          duplicate.
        </p>
        {best.reasons.length > 0 ? (
          <ul aria-label="Why they look alike" className="flex flex-wrap gap-1">
            {best.reasons.map((reason) => (
              <li key={reason}>
                <Badge variant="outline" className="bg-background font-normal">
                  {reason}
                </Badge>
              </li>
            ))}
          </ul>
        ) : null}
      </AlertDescription>
      <AlertAction>
        <Button asChild size="sm" variant="outline">
          <Link href={`/duplicates?pair=${encodeURIComponent(best.pairId)}`}>Review</Link>
        </Button>
        {more.length > 0 ? (
          <Button asChild size="sm" variant="ghost">
            <Link href="/duplicates">Open the review queue</Link>
          </Button>
        ) : null}
      </AlertAction>
    </Alert>
  );
}
