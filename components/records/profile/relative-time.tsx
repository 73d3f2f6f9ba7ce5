"use client";

import { useEffect, useState } from "react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatRelative } from "../format";

const exact = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "long" });

/** "5 minutes ago", with the exact time on hover; it keeps counting while the page is open. */
export function RelativeTime({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time
          dateTime={new Date(at).toISOString()}
          tabIndex={0}
          className="tabular-nums outline-none focus-visible:underline"
          suppressHydrationWarning
        >
          {formatRelative(at, now)}
        </time>
      </TooltipTrigger>
      <TooltipContent>
        <span suppressHydrationWarning>{exact.format(at)}</span>
      </TooltipContent>
    </Tooltip>
  );
}
