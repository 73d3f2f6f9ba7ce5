import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { getConnectionRow } from "@/server/salesforce/connection-store";
import { readSetting, writeSetting } from "@/server/settings/settings-store";
import { getSyncProgress } from "@/server/status/sync-progress";

export const SETUP_STEP_KEYS = ["connect", "pull", "push", "sync", "realtime"] as const;
export type TSetupStepKey = (typeof SETUP_STEP_KEYS)[number];

export const ZSetupProgressSchema = z.object({
  connected: z.boolean(),
  pullConfirmed: z.boolean(),
  pushReviewed: z.boolean(),
  firstSyncDone: z.boolean(),
  realtimeDone: z.boolean(),
  nextStep: z.enum(SETUP_STEP_KEYS).nullable(),
});
export type TSetupProgress = z.infer<typeof ZSetupProgressSchema>;

/** Where the wizard resumes: every step's outcome is stored, so a reload or a new session continues. */
export async function getSetupProgress(db: TDatabase, now: number): Promise<TSetupProgress> {
  const stored = await readSetting(db, "setup.progress");
  const connection = await getConnectionRow(db);
  const progress = await getSyncProgress(db, now);
  const facts = {
    connected: connection?.status === "connected",
    pullConfirmed: stored.pullConfirmed,
    pushReviewed: stored.pushReviewed,
    firstSyncDone: progress.state === "done",
    realtimeDone: stored.realtimeDone,
  };
  const nextStep = !facts.connected
    ? "connect"
    : !facts.pullConfirmed
      ? "pull"
      : // Optional: a workspace whose first sync is done does not go back to it.
        !facts.pushReviewed && !facts.firstSyncDone
        ? "push"
        : !facts.firstSyncDone
          ? "sync"
          : !facts.realtimeDone
            ? "realtime"
            : null;
  return { ...facts, nextStep };
}

const STORED_STEPS = { pull: "pullConfirmed", push: "pushReviewed", realtime: "realtimeDone" } as const;

export async function completeSetupStep(db: TDatabase, step: keyof typeof STORED_STEPS): Promise<void> {
  const stored = await readSetting(db, "setup.progress");
  await writeSetting(db, "setup.progress", { ...stored, [STORED_STEPS[step]]: true });
}
