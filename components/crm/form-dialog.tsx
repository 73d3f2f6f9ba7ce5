"use client";

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

/**
 * A dialog opened from its trigger button: its title and description, then its body (a form, or
 * a choice to confirm). `onClose` runs when the rep closes it (Escape, the close button, outside
 * it); `descriptionAsChild` when the description brings its own element.
 */
export function FormDialog({
  open,
  onOpenChange,
  onClose,
  trigger,
  title,
  description,
  descriptionAsChild,
  className,
  onEscapeKeyDown,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClose?: () => void;
  trigger: React.ReactNode;
  title: React.ReactNode;
  description: React.ReactNode;
  descriptionAsChild?: boolean;
  className?: string;
  onEscapeKeyDown?: React.ComponentProps<typeof DialogContent>["onEscapeKeyDown"];
  children: React.ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) onClose?.();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className} onEscapeKeyDown={onEscapeKeyDown}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription asChild={descriptionAsChild}>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}
