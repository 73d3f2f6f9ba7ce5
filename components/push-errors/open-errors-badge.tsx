"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** The navigation's count of open push errors (the viewer's own for members); nothing when none. */
export function OpenErrorsBadge() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.push.errors.count.queryOptions(), refetchInterval: 60_000 });
  const open = count.data?.open ?? 0;
  if (open === 0) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="ml-auto rounded-full bg-destructive/10 px-1.5 text-xs font-medium text-destructive tabular-nums dark:bg-destructive/20"
      >
        {open > 99 ? "99+" : open}
      </span>
      <span className="sr-only"> ({open.toLocaleString("en")} open)</span>
    </>
  );
}
