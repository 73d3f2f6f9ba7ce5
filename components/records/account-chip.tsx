import { Building2Icon, XIcon } from "lucide-react";
import Link from "next/link";
import type { TRecordLink } from "@/server/records/record-schemas";

/** Shows that a list is narrowed to one account (from its profile's "View all"), and undoes it. */
export function AccountChip({ account, onClear }: { account: TRecordLink; onClear: () => void }) {
  return (
    <span className="inline-flex h-8 max-w-64 items-center gap-1.5 rounded-md border border-primary/40 bg-primary/5 pr-1 pl-2.5 text-sm dark:bg-primary/10">
      <Building2Icon aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
      <Link href={`/accounts/${account.id}`} className="truncate hover:underline">
        {account.name}
      </Link>
      <button
        type="button"
        onClick={onClear}
        aria-label={`Stop filtering by ${account.name}`}
        className="flex size-6 shrink-0 items-center justify-center rounded-sm text-muted-foreground hover:bg-accent hover:text-foreground"
      >
        <XIcon className="size-3.5" />
      </button>
    </span>
  );
}
