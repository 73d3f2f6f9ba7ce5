import { getDb } from "@/db/client";
import { getHealth, type THealth } from "@/server/status/health";
import { getPullVisibility, type TPullVisibility } from "@/server/settings/pull-visibility";
import { getSyncStatus, type TSyncStatus } from "@/server/status/sync-status";
import { countUsers } from "@/server/users/count-users";

export type THomeOverview = {
  health: THealth;
  teamSize: number;
  status: TSyncStatus;
  visibility: TPullVisibility;
};

/** What the home page shows: the Salesforce link, the team's size and what the workspace holds. */
export async function getHomeOverview(): Promise<THomeOverview> {
  const db = getDb();
  const [health, teamSize, status, visibility] = await Promise.all([
    getHealth(),
    countUsers(db),
    getSyncStatus(db),
    getPullVisibility(db),
  ]);
  return { health, teamSize, status, visibility };
}
