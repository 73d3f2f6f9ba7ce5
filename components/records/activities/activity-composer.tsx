"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { TActivityTarget } from "@/server/records/write/activity-schemas";
import { ACTIVITY_KINDS, type TActivityKind } from "@/server/sync/core/push-kinds";
import { CallForm, EmailForm, MeetingForm, NoteForm } from "./activity-forms";
import { ACTIVITY_KIND_STYLES } from "./activity-kinds";
import { TaskForm } from "./task-form";

const FORMS = { call: CallForm, email: EmailForm, task: TaskForm, meeting: MeetingForm, note: NoteForm };

/**
 * What a rep logs on a profile: one button per kind; the chosen one opens its form, with tabs to
 * switch kinds. Closing returns focus to the buttons.
 */
export function ActivityComposer({ on }: { on: TActivityTarget }) {
  const [kind, setKind] = useState<TActivityKind | null>(null);
  const buttonsRef = useRef<HTMLDivElement>(null);
  const close = () => {
    const closed = kind;
    setKind(null);
    requestAnimationFrame(() =>
      buttonsRef.current?.querySelector<HTMLElement>(`[data-kind="${closed ?? "call"}"]`)?.focus(),
    );
  };

  if (!kind) {
    return (
      <div ref={buttonsRef} role="group" aria-label="Log an activity" className="flex flex-wrap gap-2">
        {ACTIVITY_KINDS.map((option) => {
          const { icon: Icon, action } = ACTIVITY_KIND_STYLES[option];
          return (
            <Button key={option} data-kind={option} variant="outline" size="sm" onClick={() => setKind(option)}>
              <Icon aria-hidden="true" /> {action}
            </Button>
          );
        })}
      </div>
    );
  }

  return (
    <section aria-label="Log an activity" className="rounded-lg border bg-muted/20 p-3 sm:p-4">
      <Tabs value={kind} onValueChange={(next) => setKind(next as TActivityKind)}>
        <TabsList className="w-full">
          {ACTIVITY_KINDS.map((option) => {
            const { icon: Icon, name } = ACTIVITY_KIND_STYLES[option];
            return (
              <TabsTrigger key={option} value={option}>
                <Icon aria-hidden="true" /> {name}
              </TabsTrigger>
            );
          })}
        </TabsList>
        {ACTIVITY_KINDS.map((option) => {
          const Form = FORMS[option];
          return (
            <TabsContent key={option} value={option} className="pt-1">
              <Form on={on} onDone={close} />
            </TabsContent>
          );
        })}
      </Tabs>
    </section>
  );
}
