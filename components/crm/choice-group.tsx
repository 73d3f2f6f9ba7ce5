"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";

export type TChoice<T extends string> = {
  value: T;
  label: React.ReactNode;
  description?: React.ReactNode;
  /** A choice that cannot be made; its description says why. */
  disabled?: boolean;
};

/**
 * Radio buttons drawn as cards, in a fieldset whose legend names the choice. Native inputs, so
 * arrow keys move between them and a screen reader reads "2 of 3".
 */
export function ChoiceGroup<T extends string>({
  legend,
  legendClassName,
  value,
  onChange,
  choices,
  columns = 2,
  pending = false,
  className,
}: {
  legend: React.ReactNode;
  legendClassName?: string;
  value: T | null;
  onChange: (value: T) => void;
  choices: ReadonlyArray<TChoice<T>>;
  columns?: 1 | 2;
  /**
   * What the choice is for is being saved: the choices read as unavailable and ignore changes, but
   * are not `disabled`, which would drop the keyboard's focus.
   */
  pending?: boolean;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={cn("grid gap-2", className)}>
      <legend className={cn("mb-2 text-sm leading-none font-medium", legendClassName)}>{legend}</legend>
      <div className={cn("grid gap-2", columns === 2 && "sm:grid-cols-2")}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={cn(
              "flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 text-sm transition-colors hover:bg-accent/50",
              choice.disabled && "cursor-not-allowed border-dashed text-muted-foreground hover:bg-transparent",
              "has-[:focus-visible]:border-ring has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
              value === choice.value && "border-primary/50 bg-primary/5 dark:bg-primary/10",
              pending && !choice.disabled && "cursor-not-allowed opacity-50",
            )}
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              disabled={choice.disabled}
              aria-disabled={(pending && !choice.disabled) || undefined}
              onChange={() => !pending && onChange(choice.value)}
              className="mt-0.5 size-4 shrink-0 accent-primary outline-none"
            />
            <span className="grid min-w-0 gap-0.5">
              <span className="font-medium break-words">{choice.label}</span>
              {choice.description ? (
                <span className="text-[0.8125rem] break-words text-muted-foreground">{choice.description}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
