"use client";

import * as React from "react";
import { Slot } from "radix-ui";
import { CircleAlertIcon, CircleCheckIcon } from "lucide-react";

import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";

type FieldContextValue = {
  controlId: string;
  descriptionId: string;
  errorId: string;
  invalid: boolean;
  hasDescription: boolean;
  hasError: boolean;
  setHasDescription: (value: boolean) => void;
  setHasError: (value: boolean) => void;
};

const FieldContext = React.createContext<FieldContextValue | null>(null);

/** Ids and state of the enclosing `Field`, for wiring custom controls by hand. */
function useField() {
  const ctx = React.useContext(FieldContext);
  if (!ctx) throw new Error("useField must be used inside <Field>");
  const describedBy = [ctx.hasDescription ? ctx.descriptionId : null, ctx.hasError ? ctx.errorId : null]
    .filter(Boolean)
    .join(" ");
  return {
    ...ctx,
    controlProps: {
      id: ctx.controlId,
      "aria-describedby": describedBy || undefined,
      "aria-invalid": ctx.invalid || undefined,
    },
  };
}

function Field({
  className,
  id,
  invalid,
  orientation = "vertical",
  ...props
}: React.ComponentProps<"div"> & {
  /** Id given to the control; generated when omitted. */
  id?: string;
  /** Forces the invalid state; otherwise a non-empty `FieldError` sets it. */
  invalid?: boolean;
  orientation?: "vertical" | "horizontal";
}) {
  const generated = React.useId();
  const controlId = id ?? `field-${generated}`;
  const [hasDescription, setHasDescription] = React.useState(false);
  const [hasError, setHasError] = React.useState(false);
  const isInvalid = invalid ?? hasError;

  const value = React.useMemo<FieldContextValue>(
    () => ({
      controlId,
      descriptionId: `${controlId}-description`,
      errorId: `${controlId}-error`,
      invalid: isInvalid,
      hasDescription,
      hasError,
      setHasDescription,
      setHasError,
    }),
    [controlId, isInvalid, hasDescription, hasError],
  );

  return (
    <FieldContext.Provider value={value}>
      <div
        role="group"
        data-slot="field"
        data-orientation={orientation}
        data-invalid={isInvalid || undefined}
        className={cn(
          "group/field grid gap-2",
          orientation === "horizontal" &&
            "grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 *:data-[slot=field-description]:col-start-1 *:data-[slot=field-error]:col-span-2",
          className,
        )}
        {...props}
      />
    </FieldContext.Provider>
  );
}

function FieldLabel({ className, ...props }: React.ComponentProps<typeof Label>) {
  const { controlId } = useField();
  return (
    <Label
      data-slot="field-label"
      htmlFor={controlId}
      className={cn("group-data-[invalid]/field:text-destructive", className)}
      {...props}
    />
  );
}

/** Passes id, aria-describedby and aria-invalid to its single child control. */
function FieldControl(props: React.ComponentProps<typeof Slot.Root>) {
  const { controlProps } = useField();
  return <Slot.Root data-slot="field-control" {...controlProps} {...props} />;
}

function FieldDescription({ className, ...props }: React.ComponentProps<"p">) {
  const { descriptionId, setHasDescription } = useField();
  React.useEffect(() => {
    setHasDescription(true);
    return () => setHasDescription(false);
  }, [setHasDescription]);
  return (
    <p
      id={descriptionId}
      data-slot="field-description"
      className={cn("text-[0.8125rem] text-muted-foreground", className)}
      {...props}
    />
  );
}

function FieldError({
  className,
  children,
  errors,
  ...props
}: React.ComponentProps<"p"> & {
  /** Messages to list, e.g. from a zod issue list; empty entries are skipped. */
  errors?: ReadonlyArray<string | null | undefined>;
}) {
  const { errorId, setHasError } = useField();
  const messages = (errors ?? []).filter((m): m is string => !!m);
  const content =
    children ??
    (messages.length > 1 ? (
      <ul className="list-inside list-disc">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ) : (
      messages[0]
    ));
  const visible = content !== undefined && content !== null && content !== "";

  React.useEffect(() => {
    setHasError(visible);
    return () => setHasError(false);
  }, [visible, setHasError]);

  if (!visible) return null;
  return (
    <p
      id={errorId}
      data-slot="field-error"
      className={cn("text-[0.8125rem] font-medium text-destructive", className)}
      {...props}
    >
      {content}
    </p>
  );
}

/** Form-level banner for submit results, e.g. "Couldn't reach Salesforce". */
function FormMessage({
  className,
  variant = "error",
  children,
  ...props
}: React.ComponentProps<"div"> & { variant?: "error" | "success" }) {
  if (children === undefined || children === null || children === "") {
    return null;
  }
  const Icon = variant === "error" ? CircleAlertIcon : CircleCheckIcon;
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      data-slot="form-message"
      data-variant={variant}
      className={cn(
        "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
        variant === "error"
          ? "border-destructive/30 bg-destructive/5 text-destructive dark:bg-destructive/10"
          : "border-success/30 bg-success/5 text-success dark:bg-success/10",
        className,
      )}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}

export { Field, FieldLabel, FieldControl, FieldDescription, FieldError, FormMessage, useField };
