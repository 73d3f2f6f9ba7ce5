"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { TMappingPreview } from "@/server/mapping/mapping-schemas";
import type { TMappedObject } from "@/server/sync/core/field-mapping";
import { isComplete, pairKey, problemsByPair, sameEntries, type TMappingEntry } from "./mapping-draft";
import { useDebouncedValue } from "./use-debounced-value";

const PREVIEW_DELAY_MS = 300;

/**
 * "Preview before saving": what the next pull would write with the rows on screen, asked again
 * 300 ms after the last change while they differ from what is saved. `current` is true once the
 * preview on screen is the one for exactly these rows: only then can they be saved.
 */
export function useMappingPreview(object: TMappedObject, entries: TMappingEntry[], dirty: boolean) {
  const trpc = useTRPC();
  const asked = useDebouncedValue(entries, PREVIEW_DELAY_MS);
  const enabled = dirty && asked.every(isComplete);
  const query = useQuery({
    ...trpc.mapping.preview.queryOptions({ object, entries: asked }),
    enabled,
    placeholderData: keepPreviousData,
  });

  // The last answer with the rows it answered, so a row keeps its problem while a newer one loads.
  const answered = query.data && !query.isPlaceholderData ? { entries: asked, preview: query.data } : null;
  const [shown, setShown] = useState<{ entries: TMappingEntry[]; preview: TMappingPreview } | null>(answered);
  if (answered && (answered.preview !== shown?.preview || answered.entries !== shown.entries)) setShown(answered);

  const current = enabled && answered !== null && sameEntries(answered.entries, entries) && !query.isFetching;
  const byPair = dirty && shown ? problemsByPair(shown.entries, shown.preview.problems) : null;
  const answeredPairs = dirty && shown ? new Set(shown.entries.map(pairKey)) : null;
  return {
    preview: dirty ? (shown?.preview ?? null) : null,
    /** The server's problems with a row's pair; null while no preview has answered for it yet. */
    problemsOf: (entry: TMappingEntry): string[] | null =>
      answeredPairs?.has(pairKey(entry)) ? (byPair?.get(pairKey(entry)) ?? []) : null,
    current,
    updating: dirty && !current && entries.every(isComplete),
    error: enabled ? query.error : null,
  };
}
