import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/shell/auth-frame";
import { DatabaseProblem } from "@/components/shell/database-problem";
import { SetupSteps } from "@/components/shell/setup-steps";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getWorkspaceState } from "@/server/auth/guards";
import { FirstAdminForm } from "./first-admin-form";

export const metadata: Metadata = { title: "Set up Tandem" };

export default async function SetupPage() {
  const state = await getWorkspaceState();
  if (state.database !== "ok") return <DatabaseProblem state={state.database} />;
  // Once an admin exists, first-run setup is closed: everyone else is added by an admin.
  if (state.hasUsers) redirect("/");

  return (
    <AuthFrame footer="Tandem runs on your own server. Nothing leaves it until you connect Salesforce.">
      <SetupSteps current={0} />
      <Card>
        <CardHeader>
          <CardTitle asChild className="text-xl">
            <h1>Create the first admin</h1>
          </CardTitle>
          <CardDescription>
            Welcome to Tandem. This account sets Tandem up, connects Salesforce and adds the rest of your team.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FirstAdminForm />
        </CardContent>
      </Card>
    </AuthFrame>
  );
}
