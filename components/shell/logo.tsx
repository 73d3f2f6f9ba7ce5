import { cn } from "@/components/ui/cn";

/** Two overlapping rings: the workspace and the CRM, moving together. */
export function Logo({ className, withName = true }: { className?: string; withName?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-7 shrink-0">
        <rect width="32" height="32" rx="8" className="fill-primary" />
        <circle cx="13" cy="16" r="6" fill="none" strokeWidth="2.5" className="stroke-primary-foreground" />
        <circle cx="19" cy="16" r="6" fill="none" strokeWidth="2.5" className="stroke-primary-foreground/70" />
      </svg>
      {withName ? <span className="text-[1.05rem]">Tandem</span> : null}
    </span>
  );
}
