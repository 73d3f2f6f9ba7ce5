import type { Metadata } from "next";
import { AuthFrame } from "@/components/shell/auth-frame";
import { AdminsOnly } from "@/components/shell/admins-only";
import { DatabaseProblem } from "@/components/shell/database-problem";
import { SetupSteps } from "@/components/shell/setup-steps";
import { SetupWizard } from "@/components/setup/setup-wizard";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { getWorkspaceState, requireUser } from "@/server/auth/guards";
import { isSetupTokenValid } from "@/server/setup/first-admin";
import { SETUP_STEP_KEYS, type TSetupStepKey } from "@/server/setup/setup-progress";
import { FirstAdminForm } from "./first-admin-form";
import { SetupTokenForm } from "./setup-token-form";

export const metadata: Metadata = { title: "Set up Tandem" };

type TSearch = { step?: string; connected?: string; error?: string; token?: string | string[] };

export default async function SetupPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const state = await getWorkspaceState();
  if (state.database !== "ok") return <DatabaseProblem state={state.database} />;
  const search = await searchParams;
  if (!state.hasUsers) {
    const token = typeof search.token === "string" ? search.token : "";
    const valid = token !== "" && (await isSetupTokenValid(token));
    return (
      <AuthFrame footer="Tandem runs on your own server. Nothing leaves it until you connect Salesforce.">
        <SetupSteps current={0} />
        <Card>
          <CardHeader>
            <CardTitle asChild className="text-xl">
              <h1>{valid ? "Create the first admin" : "Enter the setup token"}</h1>
            </CardTitle>
            <CardDescription>
              {valid
                ? "Welcome to Tandem. This account sets Tandem up, connects Salesforce and adds the rest of your team."
                : "Welcome to Tandem. To make sure the first admin is you, Tandem asks for the setup token from its server log."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {valid ? <FirstAdminForm token={token} /> : <SetupTokenForm wrong={token !== ""} />}
          </CardContent>
        </Card>
      </AuthFrame>
    );
  }

  // Once an admin exists, first-run setup is closed: the wizard continues for admins only.
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <AuthFrame>
        <AdminsOnly what="Tandem's setup" />
      </AuthFrame>
    );
  }
  const step = (SETUP_STEP_KEYS as readonly string[]).includes(search.step ?? "")
    ? (search.step as TSetupStepKey)
    : null;
  prefetch(trpc.sync.setupProgress.queryOptions());
  prefetch(trpc.salesforce.connection.queryOptions());
  return (
    <HydrateClient>
      <SetupWizard requestedStep={step} flash={{ connected: search.connected === "1", error: search.error ?? null }} />
    </HydrateClient>
  );
}
