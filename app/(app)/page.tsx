import { ArrowRightIcon, CloudIcon, CloudOffIcon, UsersRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { WorkspaceStats } from "@/components/shell/workspace-stats";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";
import { getHomeOverview } from "@/server/status/home-overview";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  const { health, teamSize, status, visibility } = await getHomeOverview();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description="Your prospecting workspace, in step with Salesforce." />
      <WorkspaceStats counts={status.counts} lastSyncAt={health.lastTickAt} visibility={visibility} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <div className="flex items-center justify-between gap-2">
              <CardTitle className="flex items-center gap-2 text-base">
                {health.salesforce === "connected" ? (
                  <CloudIcon className="size-4 text-muted-foreground" aria-hidden="true" />
                ) : (
                  <CloudOffIcon className="size-4 text-muted-foreground" aria-hidden="true" />
                )}{" "}
                Salesforce
              </CardTitle>
              <Badge
                variant={
                  health.salesforce === "connected"
                    ? "success"
                    : health.salesforce === "error"
                      ? "destructive"
                      : "secondary"
                }
              >
                {health.salesforce === "connected"
                  ? "Connected"
                  : health.salesforce === "error"
                    ? "Needs attention"
                    : "Not connected"}
              </Badge>
            </div>
            <CardDescription>
              {health.salesforce === "connected"
                ? "Records are kept in step with your org."
                : health.salesforce === "error"
                  ? "Salesforce stopped accepting Tandem's access. Syncing is paused until an admin reconnects."
                  : user.role === "admin"
                    ? "Connect your org to bring in its leads, contacts, accounts and opportunities."
                    : "An admin of your team connects Salesforce. Until then there is nothing to sync."}
            </CardDescription>
          </CardHeader>
          {user.role === "admin" ? (
            <CardContent>
              <Button asChild size="sm" variant={health.salesforce === "connected" ? "outline" : "default"}>
                <Link href={health.salesforce === "connected" ? "/sync" : "/setup"}>
                  {health.salesforce === "connected"
                    ? "See sync health"
                    : health.salesforce === "error"
                      ? "Reconnect Salesforce"
                      : "Connect Salesforce"}{" "}
                  <ArrowRightIcon />
                </Link>
              </Button>
            </CardContent>
          ) : null}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base">
              <UsersRoundIcon className="size-4 text-muted-foreground" aria-hidden="true" /> Team
            </CardTitle>
            <CardDescription>
              {teamSize === 1
                ? "You are the only person on the team so far."
                : `${teamSize} people can sign in to Tandem.`}
            </CardDescription>
          </CardHeader>
          {user.role === "admin" ? (
            <CardContent>
              <Button asChild variant="outline" size="sm">
                <Link href="/settings/team">
                  Manage the team <ArrowRightIcon />
                </Link>
              </Button>
            </CardContent>
          ) : null}
        </Card>
      </div>
    </>
  );
}
