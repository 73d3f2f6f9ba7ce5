"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugZapIcon } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { TMappedObject } from "@/server/sync/core/field-mapping";
import { MappingObjectTab } from "./mapping-object-tab";
import { countOf, OBJECT_WORDS, orgFieldsAreStale } from "./mapping-words";
import { OrgFieldsStatus } from "./org-fields-status";

/**
 * `/settings/mapping` (MAP-1 to MAP-5 as an admin sees them): how the modes work, when the org's
 * fields were read, and a tab per object with its rows, preview and Save.
 */
export function MappingSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const view = useQuery(trpc.mapping.view.queryOptions());
  const check = useMutation(
    trpc.mapping.checkOrg.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.mapping.view.queryKey(), next),
      onError: (error) => toast.error(`Could not read your org's fields: ${error.message}`),
    }),
  );
  const [dirty, setDirty] = useState<Partial<Record<TMappedObject, boolean>>>({});
  const onDirtyChange = useCallback(
    (object: TMappedObject, value: boolean) =>
      setDirty((current) => (Boolean(current[object]) === value ? current : { ...current, [object]: value })),
    [],
  );

  // Opening the page reads an org never read, or not today (one describe), so new fields show.
  const { mutate, isIdle } = check;
  const connected = Boolean(view.data?.connected);
  const checkedAt = view.data?.checkedAt ?? null;
  useEffect(() => {
    if (connected && isIdle && orgFieldsAreStale(checkedAt, Date.now())) mutate();
  }, [connected, checkedAt, isIdle, mutate]);

  if (!view.data) return <Skeleton className="h-96 w-full" />;
  if (!view.data.connected) {
    return (
      <EmptyState
        icon={<PlugZapIcon />}
        title="Field mapping needs a connected org"
        description="Tandem maps its prospect data onto your Salesforce fields once it can read them. Connect Salesforce first."
        action={
          <Button asChild>
            <Link href="/setup">Connect Salesforce</Link>
          </Button>
        }
      />
    );
  }

  const readAgain = () =>
    check.mutate(undefined, {
      onSuccess: (next) => {
        const fields = next.objects.reduce((sum, object) => sum + object.salesforceFields.length, 0);
        toast.success(`Read your org's fields: ${countOf(fields, "field")} Tandem can write.`);
      },
    });

  return (
    <div className="grid gap-6">
      <p className="max-w-3xl text-sm text-muted-foreground">
        Tandem&apos;s data is its prospect database: the people and companies you imported or entered. At each pull it
        writes their values into the Salesforce fields mapped here, filling empty ones (auto-fill) or replacing
        different ones (auto-overwrite). A manual enrichment on the{" "}
        <Link href="/enrichment" className="font-medium text-foreground underline underline-offset-4">
          Enrichment page
        </Link>{" "}
        always wins, and when Salesforce changes a value back, Tandem stops writing that field on that record.
      </p>
      <OrgFieldsStatus
        checkedAt={view.data.checkedAt}
        reading={check.isPending}
        error={check.error?.message ?? null}
        onRead={readAgain}
      />
      <Tabs defaultValue={view.data.objects[0]?.object}>
        <TabsList aria-label="Objects">
          {view.data.objects.map((object) => (
            <TabsTrigger key={object.object} value={object.object}>
              {OBJECT_WORDS[object.object].tab}
              {dirty[object.object] ? (
                <>
                  <span aria-hidden="true" className="size-1.5 rounded-full bg-primary" />
                  <span className="sr-only">(unsaved changes)</span>
                </>
              ) : null}
            </TabsTrigger>
          ))}
        </TabsList>
        {view.data.objects.map((object) => (
          // Kept mounted, so switching tabs keeps each object's unsaved rows.
          <TabsContent key={object.object} value={object.object} forceMount className="data-[state=inactive]:hidden">
            <MappingObjectTab view={object} onDirtyChange={onDirtyChange} />
          </TabsContent>
        ))}
      </Tabs>
    </div>
  );
}
