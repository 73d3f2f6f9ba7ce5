import { AppShell } from "@/components/shell/app-shell";
import { DatabaseProblem } from "@/components/shell/database-problem";
import { getWorkspaceState, requireUser } from "@/server/auth/guards";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const state = await getWorkspaceState();
  if (state.database !== "ok") return <DatabaseProblem state={state.database} />;
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
