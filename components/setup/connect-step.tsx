"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { TSalesforceEnvironment } from "@/server/salesforce/environments";
import {
  CheckCircle2Icon,
  CloudIcon,
  FlaskConicalIcon,
  GlobeIcon,
  PlayCircleIcon,
  RefreshCwIcon,
  UnplugIcon,
} from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FieldControl, FieldDescription, FieldLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { CopyField } from "./copy-field";

type TEnvironment = TSalesforceEnvironment;

const OPTIONS: Array<{ value: TEnvironment; title: string; description: string; icon: typeof CloudIcon }> = [
  { value: "production", title: "Production", description: "login.salesforce.com", icon: CloudIcon },
  { value: "sandbox", title: "Sandbox", description: "test.salesforce.com", icon: FlaskConicalIcon },
  { value: "custom", title: "My Domain", description: "yourcompany.my.salesforce.com", icon: GlobeIcon },
  {
    value: "demo",
    title: "Demo org",
    description: "A sample company's org running beside Tandem",
    icon: PlayCircleIcon,
  },
];

export function ConnectStep({
  flash,
  onContinue,
}: {
  flash: { connected: boolean; error: string | null };
  onContinue: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: info } = useSuspenseQuery(trpc.salesforce.connection.queryOptions());
  const [environment, setEnvironment] = useState<TEnvironment>(info.demoAvailable ? "demo" : "production");
  const [customUrl, setCustomUrl] = useState("");
  const start = useMutation(
    trpc.salesforce.startConnect.mutationOptions({
      onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
    }),
  );
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.salesforce.connection.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.sync.setupProgress.queryKey() }),
    ]);
  const limits = useMutation(
    trpc.salesforce.refreshLimits.mutationOptions({
      onSuccess: invalidate,
      onError: (error) => toast.error(error.message),
    }),
  );
  const disconnect = useMutation(
    trpc.salesforce.disconnect.mutationOptions({
      onSuccess: async ({ revoked }) => {
        toast.success(
          revoked
            ? "Disconnected, and Tandem's access was revoked in Salesforce."
            : "Disconnected. Salesforce could not be told; revoke Tandem under Connected Apps OAuth Usage if needed.",
        );
        await invalidate();
      },
    }),
  );
  const connection = info.connection;
  const options = OPTIONS.filter((option) => option.value !== "demo" || info.demoAvailable);
  const needsCredentials = environment !== "demo" && !info.credentialsConfigured;

  if (connection && connection.status === "connected") {
    const remaining =
      connection.apiMax !== null && connection.apiUsed !== null ? connection.apiMax - connection.apiUsed : null;
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild className="flex items-center gap-2 text-xl">
            <h1>
              <CheckCircle2Icon className="size-5 text-success" aria-hidden="true" /> Connected to Salesforce
            </h1>
          </CardTitle>
          <CardDescription>
            {flash.connected
              ? "Tandem can now read your org. Next, choose what the team sees."
              : "Tandem holds a refresh token for this org, stored encrypted."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Org</dt>
            <dd className="min-w-0 truncate font-medium">
              {connection.orgName ?? (connection.environment === "demo" ? "Demo org" : "Name not visible to this user")}{" "}
              <span className="font-normal text-muted-foreground">({connection.environment})</span>
            </dd>
            <dt className="text-muted-foreground">Org Id</dt>
            <dd className="font-mono text-xs leading-5">{connection.orgId}</dd>
            <dt className="text-muted-foreground">User</dt>
            <dd className="min-w-0 truncate">{connection.username ?? "—"}</dd>
            <dt className="text-muted-foreground">Instance</dt>
            <dd className="min-w-0 truncate">{connection.instanceUrl}</dd>
            <dt className="text-muted-foreground">API version</dt>
            <dd>v{connection.apiVersion}</dd>
            <dt className="text-muted-foreground">Daily API calls left</dt>
            <dd className="flex items-center gap-2">
              <span className="tabular-nums">
                {remaining !== null
                  ? `${remaining.toLocaleString()} of ${connection.apiMax?.toLocaleString()}`
                  : "not read yet"}
              </span>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => limits.mutate()}
                pending={limits.isPending}
                aria-label="Read the API limit now"
              >
                {limits.isPending ? <Spinner /> : <RefreshCwIcon />}
              </Button>
            </dd>
          </dl>
          {info.headless ? (
            <p className="mt-4 text-sm text-muted-foreground">
              This server connects by itself from SALESFORCE_INSTANCE_URL and SALESFORCE_REFRESH_TOKEN. If you
              disconnect, it stays disconnected until that refresh token is replaced in the server&apos;s environment or
              you connect here.
            </p>
          ) : null}
        </CardContent>
        <CardFooter className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
          <Button variant="outline" onClick={() => disconnect.mutate()} pending={disconnect.isPending}>
            <UnplugIcon /> Disconnect
          </Button>
          <Button onClick={onContinue}>Continue</Button>
        </CardFooter>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild className="text-xl">
          <h1>Connect Salesforce</h1>
        </CardTitle>
        <CardDescription>
          You sign in to Salesforce and allow Tandem access. Tandem keeps a refresh token, encrypted, and never your
          password.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {flash.error ? <FormMessage>{flash.error}</FormMessage> : null}
        {connection?.status === "broken" ? (
          <Alert variant="destructive">
            <AlertTitle>The connection to {connection.orgName ?? connection.orgId} is broken</AlertTitle>
            <AlertDescription>
              {connection.lastError ?? "Salesforce stopped accepting Tandem's token."} Reconnect to resume syncing;
              nothing pulled so far is lost.
            </AlertDescription>
          </Alert>
        ) : null}
        {info.headless ? (
          <p className="text-sm text-muted-foreground">
            SALESFORCE_INSTANCE_URL and SALESFORCE_REFRESH_TOKEN are set on this server: Tandem connects with them on
            its next sync, unless an admin disconnected that refresh token. Then it waits for a new one in the
            environment, or for you to connect here.
          </p>
        ) : null}
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Where is your org?</legend>
          {options.map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors hover:bg-accent/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                environment === option.value && "border-primary bg-primary/5",
              )}
            >
              <input
                type="radio"
                name="environment"
                value={option.value}
                checked={environment === option.value}
                onChange={() => setEnvironment(option.value)}
                className="sr-only"
              />
              <option.icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              <span>
                <span className="block font-medium">{option.title}</span>
                <span className="block text-xs text-muted-foreground">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {environment === "custom" ? (
          <Field>
            <FieldLabel>My Domain login URL</FieldLabel>
            <FieldControl>
              <Input
                value={customUrl}
                onChange={(event) => setCustomUrl(event.target.value)}
                placeholder="https://yourcompany.my.salesforce.com"
                inputMode="url"
              />
            </FieldControl>
            <FieldDescription>Find it in Salesforce Setup under My Domain.</FieldDescription>
          </Field>
        ) : null}
        {needsCredentials ? (
          <Alert variant="warning">
            <AlertTitle>Tandem needs your connected app first</AlertTitle>
            <AlertDescription>
              <p>
                In Salesforce Setup, create an external client app (or connected app) with OAuth enabled, the scopes{" "}
                <em>api</em> and <em>refresh_token, offline_access</em>, PKCE required, and this callback URL:
              </p>
              <div className="mt-2">
                <CopyField value={info.callbackUrl} label="callback URL" />
              </div>
              <p className="mt-2">
                Then set SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (its consumer key and secret) on this server
                and restart Tandem.
              </p>
            </AlertDescription>
          </Alert>
        ) : null}
        <FormMessage>{start.error?.message}</FormMessage>
      </CardContent>
      <CardFooter className="justify-end">
        <Button
          onClick={() => start.mutate({ environment, customUrl: environment === "custom" ? customUrl : undefined })}
          // Still pending once it succeeded: the browser is on its way to Salesforce.
          pending={start.isPending || start.isSuccess}
          disabled={needsCredentials}
        >
          {start.isPending || start.isSuccess ? <Spinner /> : null}
          {connection?.status === "broken" ? "Reconnect Salesforce" : "Connect to Salesforce"}
        </Button>
      </CardFooter>
    </Card>
  );
}
