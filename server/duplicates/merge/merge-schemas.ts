import { z } from "zod";

export const ZMergePreviewInputSchema = z.object({ pairId: z.string().min(1) });

export const ZMergeInputSchema = z.object({
  pairId: z.string().min(1),
  survivor: z.enum(["a", "b"]),
  /** Per field the survivor keeps: the side whose value it takes. Fields not named keep the survivor's. */
  choices: z.record(z.string(), z.enum(["a", "b"])).default({}),
  alsoMergeInSalesforce: z.boolean().default(false),
  stopSyncing: z.boolean().default(false),
});
export type TMergeInput = z.input<typeof ZMergeInputSchema>;

export const ZUndoMergeInputSchema = z.object({ mergeId: z.string().min(1) });

export type TMergeResult = {
  mergeId: string;
  survivor: { type: string; id: string; href: string | null };
  salesforce: "none" | "merged" | "converted";
  moved: { activityLog: number; activities: number; prospects: number; pushItems: number; related: number };
};
