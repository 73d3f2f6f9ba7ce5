"use client";

import * as React from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/components/ui/cn";

const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-[color,background-color,border-color,box-shadow] outline-none select-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:border-ring disabled:pointer-events-none disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 dark:aria-invalid:ring-destructive/40 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
        secondary: "bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80",
        outline:
          "border bg-background shadow-xs hover:bg-accent hover:text-accent-foreground dark:border-input dark:bg-input/30 dark:hover:bg-input/50",
        ghost: "hover:bg-accent hover:text-accent-foreground dark:hover:bg-accent/50",
        destructive:
          "bg-destructive text-white shadow-xs hover:bg-destructive/90 focus-visible:ring-destructive/20 dark:bg-destructive/60 dark:focus-visible:ring-destructive/40",
        link: "text-primary underline-offset-4 hover:underline",
      },
      size: {
        sm: "h-8 gap-1.5 rounded-md px-3 has-[>svg]:px-2.5",
        default: "h-9 px-4 py-2 has-[>svg]:px-3",
        lg: "h-10 rounded-md px-6 has-[>svg]:px-4",
        icon: "size-9",
      },
    },
    defaultVariants: {
      variant: "default",
      size: "default",
    },
  },
);

type TButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & {
    asChild?: boolean;
    /**
     * What the button started is still running. It looks and reads as disabled, but is not
     * `disabled`: a disabled button drops the keyboard's focus to the page, and a keyboard user
     * loses their place. Meanwhile a click (Enter, Space, a form's implicit submission) does nothing.
     */
    pending?: boolean;
  };

function Button({ className, variant, size, asChild = false, ...props }: TButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  const [focused, setFocused] = React.useState(false);

  return (
    <Comp
      data-slot="button"
      data-variant={variant ?? "default"}
      className={cn(buttonVariants({ variant, size, className }))}
      {...interactionProps(props, focused, setFocused)}
    />
  );
}

/**
 * The props the element gets, given whether it has the focus. A button that becomes disabled while
 * it has the focus (Save once nothing is left to save, "Add N" once the selection clears) keeps
 * it, read as unavailable and deaf to presses, until the person moves on; then it is disabled as
 * asked, out of the tab order.
 */
function interactionProps(
  {
    pending = false,
    disabled,
    onClick,
    onClickCapture,
    onFocus,
    onBlur,
    ...props
  }: Omit<TButtonProps, "className" | "variant" | "size" | "asChild">,
  focused: boolean,
  setFocused: (focused: boolean) => void,
): React.ComponentProps<"button"> {
  const holdsFocus = Boolean(disabled) && focused;
  const inert = pending || holdsFocus;
  return {
    ...props,
    disabled: holdsFocus ? undefined : disabled,
    "aria-disabled": inert || props["aria-disabled"],
    "aria-busy": pending || props["aria-busy"],
    onClick: inert ? undefined : onClick,
    onClickCapture: inert ? ignoreClick : onClickCapture,
    onFocus: (event) => {
      setFocused(true);
      onFocus?.(event);
    },
    onBlur: (event) => {
      setFocused(false);
      onBlur?.(event);
    },
  };
}

/**
 * A pending button's click, stopped before any handler sees it. In the capture phase, because
 * with `asChild` the child's own onClick runs before the Slot's; preventDefault also keeps a
 * submit button from submitting its form and a link from navigating.
 */
function ignoreClick(event: React.MouseEvent) {
  event.preventDefault();
  event.stopPropagation();
}

export { Button, buttonVariants, interactionProps };
