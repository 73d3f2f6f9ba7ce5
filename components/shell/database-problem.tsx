import { DatabaseZapIcon } from "lucide-react";
import { AuthFrame } from "./auth-frame";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TWorkspaceState } from "@/server/auth/guards";

type TDatabaseProblem = Exclude<TWorkspaceState["database"], "ok">;

const COPY: Record<TDatabaseProblem, { title: string; body: string; command?: string }> = {
  unmigrated: {
    title: "The database needs migrating",
    body: "Tandem reached its database, but the tables are missing or out of date. Run this on the server, then reload the page:",
    command: "npm run tandem -- migrate",
  },
  unreachable: {
    title: "The database cannot be reached",
    body: "Check DATABASE_URL (and DATABASE_AUTH_TOKEN for Turso) in the server's environment, and that the database is running. Then reload the page.",
  },
};

/** Shown instead of a page when the database is down or unmigrated: a fix, not a stack trace. */
export function DatabaseProblem({ state }: { state: TDatabaseProblem }) {
  const copy = COPY[state];
  return (
    <AuthFrame>
      <Card role="alert">
        <CardHeader>
          <DatabaseZapIcon className="mb-2 size-6 text-destructive" aria-hidden="true" />
          <CardTitle asChild className="text-xl">
            <h1>{copy.title}</h1>
          </CardTitle>
          <CardDescription>{copy.body}</CardDescription>
        </CardHeader>
        {copy.command ? (
          <CardContent>
            <code className="block rounded-md bg-muted px-3 py-2 font-mono text-sm">{copy.command}</code>
          </CardContent>
        ) : null}
      </Card>
    </AuthFrame>
  );
}
