import * as React from "react";

import { cn } from "@/components/ui/cn";

function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-foreground/8", className)}
      {...props}
    />
  );
}

export { Skeleton };
