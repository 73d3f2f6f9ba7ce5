"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DatabaseIcon } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { sampleLoadSummary } from "./sample-load-summary";

/** Fills an empty prospect database with the sample people and companies, to try Tandem with. */
export function LoadSampleProspectsButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const load = useMutation(
    trpc.prospects.loadSample.mutationOptions({
      onSuccess: async (loaded) => {
        await queryClient.invalidateQueries({ queryKey: trpc.prospects.pathKey() });
        const { title, description } = sampleLoadSummary(loaded);
        toast.success(title, { description });
      },
      onError: (error) => toast.error(`The sample prospects were not loaded: ${error.message}`),
    }),
  );
  return (
    <Button variant="outline" size="sm" pending={load.isPending} onClick={() => load.mutate()}>
      {load.isPending ? <Spinner label="Loading sample prospects" /> : <DatabaseIcon />}
      {load.isPending ? "Loading sample prospects…" : "Load sample prospects"}
    </Button>
  );
}
