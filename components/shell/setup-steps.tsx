import { CheckIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export const SETUP_STEPS = [
  "Admin account",
  "Connect Salesforce",
  "Pull settings",
  "Push settings",
  "First sync",
  "Real-time updates",
] as const;

/** The setup wizard's progress, one dot per step. */
export function SetupSteps({ current }: { current: number }) {
  return (
    <ol
      aria-label="Setup progress"
      className="mb-6 flex items-center justify-center gap-2 text-xs text-muted-foreground"
    >
      {SETUP_STEPS.map((step, index) => (
        <li key={step} className="flex items-center gap-2" aria-current={index === current ? "step" : undefined}>
          <span
            className={cn(
              "flex size-6 items-center justify-center rounded-full border text-[0.7rem] font-medium",
              index < current && "border-primary bg-primary text-primary-foreground",
              index === current && "border-primary text-primary",
            )}
          >
            {index < current ? <CheckIcon className="size-3.5" /> : index + 1}
          </span>
          <span className={cn("sr-only", index === current && "sm:not-sr-only sm:font-medium sm:text-foreground")}>
            {step}
          </span>
          {index < SETUP_STEPS.length - 1 ? <span aria-hidden="true" className="h-px w-4 bg-border" /> : null}
        </li>
      ))}
    </ol>
  );
}
