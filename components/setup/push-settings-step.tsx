"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PushKindsForm } from "@/components/push-settings/push-kinds-form";
import { TandemIdCheck } from "@/components/push-settings/tandem-id-check";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";

/** PUSH-1 in the wizard: optional, since pushing nothing for now is a valid answer. */
export function PushSettingsStep({ onBack, onContinue }: { onBack: () => void; onContinue: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.push.settings.get.queryOptions());
  const connection = useQuery(trpc.salesforce.connection.queryOptions());
  const confirm = useMutation(
    trpc.sync.completeSetupStep.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.sync.setupProgress.queryKey() });
        onContinue();
      },
    }),
  );
  const anyOn = settings.data?.kinds.some((kind) => kind.enabled) ?? false;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild className="text-xl">
          <h1>What Tandem pushes</h1>
        </CardTitle>
        <CardDescription>
          Tandem can create and update records in Salesforce as your team works: people, accounts, opportunities and
          activities. Nothing is sent until you turn a kind on, and you can change this any time under Settings →
          Salesforce.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <PushKindsForm />
        <Separator />
        <section aria-labelledby="tandem-id-heading" className="grid gap-3">
          <h2 id="tandem-id-heading" className="text-sm font-semibold">
            The Tandem ID field
          </h2>
          <p className="text-sm text-muted-foreground">
            With a <code className="font-mono text-xs">Tandem_Id__c</code> external ID on an object, Salesforce itself
            makes sure a retried create never makes a second record. It is optional.
          </p>
          <TandemIdCheck username={connection.data?.connection?.username ?? null} />
        </section>
      </CardContent>
      <CardFooter className="justify-between">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => confirm.mutate({ step: "push" })} pending={confirm.isPending}>
          {anyOn ? "Continue" : "Push nothing for now"}
        </Button>
      </CardFooter>
    </Card>
  );
}
