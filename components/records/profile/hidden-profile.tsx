import { ChevronLeftIcon } from "lucide-react";
import Link from "next/link";
import type { TSalesforceObject } from "@/server/records/record-schemas";
import { HiddenState } from "../hidden-notice";

/** PULL-2: a profile whose object is hidden says so, with the way back to its list. */
export function HiddenProfile({ object, back }: { object: TSalesforceObject; back: { href: string; label: string } }) {
  return (
    <>
      <Link
        href={back.href}
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeftIcon aria-hidden="true" className="size-4" /> {back.label}
      </Link>
      <HiddenState objects={[object]} />
    </>
  );
}
