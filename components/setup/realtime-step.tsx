"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RadioTowerIcon } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { CopyField } from "./copy-field";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/** Outbound messages keep Tandem fresh within seconds between scheduled syncs. */
export function RealtimeStep({ onBack, onFinish }: { onBack: () => void; onFinish: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery({ ...trpc.sync.outbound.queryOptions(), refetchInterval: 2000 });
  const enableDemo = useMutation(
    trpc.sync.enableDemoOutbound.mutationOptions({
      onSuccess: ({ rules }) =>
        toast.success(
          `The demo org now sends ${rules} outbound messages to Tandem. Change a record there to see one arrive.`,
        ),
      onError: (error) => toast.error(error.message),
    }),
  );
  const finish = useMutation(
    trpc.sync.completeSetupStep.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.sync.setupProgress.queryKey() });
        onFinish();
      },
    }),
  );
  const last = info.data?.lastReceived;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild className="text-xl">
          <h1>Real-time updates</h1>
        </CardTitle>
        <CardDescription>
          Salesforce can tell Tandem the moment a record changes (an outbound message). Without it, Tandem still catches
          up on every scheduled sync.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5 text-sm [&>*]:min-w-0">
        <div className="grid gap-2">
          <p className="font-medium">Endpoint URL (keep it secret: the token in it is the password)</p>
          {info.data ? (
            <CopyField value={info.data.endpointUrl} label="outbound-message endpoint URL" />
          ) : (
            <Skeleton className="h-9" />
          )}
        </div>
        <ol className="grid list-decimal gap-2 pl-5 text-muted-foreground">
          <li>
            In Salesforce Setup, open <strong className="text-foreground">Outbound Messages</strong> and click{" "}
            <strong className="text-foreground">New Outbound Message</strong>.
          </li>
          <li>
            Choose the object (do this once each for Lead, Contact, Account and Opportunity), paste the endpoint URL,
            leave <em>Send Session ID</em> off, and select the Id and SystemModstamp fields (any others are optional).
          </li>
          <li>
            Create a record-triggered <strong className="text-foreground">Flow</strong> on the same object that runs
            when a record is created or updated, with the outbound message as its action. Activate it.
          </li>
          <li>Change a record in Salesforce: the message appears below within seconds.</li>
        </ol>
        <div className="flex flex-wrap items-center gap-3 rounded-lg border p-3" role="status">
          <RadioTowerIcon className="size-4 text-muted-foreground" aria-hidden="true" />
          {last ? (
            <span>
              Last message received {timeFormat.format(last.at)} — {last.notifications} {last.object ?? "record"}{" "}
              notification{last.notifications === 1 ? "" : "s"}.
            </span>
          ) : (
            <span className="text-muted-foreground">No message received yet.</span>
          )}
        </div>
        {info.data?.demo ? (
          <Button
            variant="outline"
            className="justify-self-start"
            onClick={() => enableDemo.mutate()}
            pending={enableDemo.isPending}
          >
            {enableDemo.isPending ? <Spinner /> : null}
            Set it up in the demo org for me
          </Button>
        ) : null}
      </CardContent>
      <CardFooter className="justify-between">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={() => finish.mutate({ step: "realtime" })} pending={finish.isPending}>
          {last ? "Finish" : "Finish without it"}
        </Button>
      </CardFooter>
    </Card>
  );
}
