import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DatabaseProblem } from "@/components/shell/database-problem";
import { AuthFrame } from "@/components/shell/auth-frame";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getWorkspaceState } from "@/server/auth/guards";
import { safeCallbackPath } from "@/server/auth/safe-callback";
import { getSessionUser } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const state = await getWorkspaceState();
  if (state.database !== "ok") return <DatabaseProblem state={state.database} />;
  if (!state.hasUsers) redirect("/setup");
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  return (
    <AuthFrame footer="New here? Ask an admin of your team to add you.">
      <Card>
        <CardHeader>
          <CardTitle asChild className="text-xl">
            <h1>Sign in to Tandem</h1>
          </CardTitle>
          <CardDescription>Use the email and password your admin gave you.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm callbackUrl={callbackUrl} />
        </CardContent>
      </Card>
    </AuthFrame>
  );
}
