"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConnectionSummary } from "./connection-summary";
import { IgnoredRecords } from "./ignored-records";
import { PushKindsForm } from "./push-kinds-form";
import { TandemIdCheck } from "./tandem-id-check";

/**
 * `/settings/salesforce`: the connection, what Tandem pushes (PUSH-1), the Tandem ID field check,
 * and the Salesforce records a merge stopped syncing (DUP-3).
 */
export function SalesforceSettings() {
  const trpc = useTRPC();
  const connection = useQuery(trpc.salesforce.connection.queryOptions());
  return (
    <div className="grid gap-6">
      <Card role="region" aria-labelledby="connection-title">
        <CardHeader>
          <CardTitle asChild className="text-base">
            <h2 id="connection-title">Connection</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ConnectionSummary />
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="push-title">
        <CardHeader>
          <CardTitle asChild className="text-base">
            <h2 id="push-title">What Tandem pushes</h2>
          </CardTitle>
          <CardDescription>
            Everything is pulled from Salesforce; nothing goes back until you turn it on here, kind by kind. While a
            kind is off, its records stay in Tandem marked Not in Salesforce. Turn it off again at any time: Tandem
            stops sending, and keeps what is queued.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PushKindsForm />
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="tandem-id-title">
        <CardHeader>
          <CardTitle asChild className="text-base">
            <h2 id="tandem-id-title">The Tandem ID field</h2>
          </CardTitle>
          <CardDescription>
            With a <code className="font-mono text-xs">Tandem_Id__c</code> external ID on an object, Tandem creates its
            records by upsert, so a retry can never make a second copy.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TandemIdCheck username={connection.data?.connection?.username ?? null} />
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="ignored-records-title">
        <CardHeader>
          <CardTitle asChild className="text-base">
            <h2 id="ignored-records-title">Salesforce records Tandem doesn&apos;t sync</h2>
          </CardTitle>
          <CardDescription>
            When a merge stops syncing the merged-away Salesforce record, Tandem passes over it on every sync, even when
            it changes. Sync it again to let its next change bring it back as its own record.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <IgnoredRecords />
        </CardContent>
      </Card>
    </div>
  );
}
