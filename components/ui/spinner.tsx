import * as React from "react";
import { LoaderCircleIcon } from "lucide-react";

import { cn } from "@/components/ui/cn";

function Spinner({ className, label = "Loading", ...props }: React.ComponentProps<"svg"> & { label?: string }) {
  return (
    <LoaderCircleIcon
      role="status"
      aria-label={label}
      data-slot="spinner"
      className={cn("size-4 animate-spin", className)}
      {...props}
    />
  );
}

export { Spinner };
