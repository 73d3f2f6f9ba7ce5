"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type TParamPatch = Record<string, string | number | null | undefined>;

/**
 * A table's state lives in the URL, so every view is linkable and the back button steps through
 * it. Updates use the History API, which Next.js folds into its router: `useSearchParams`
 * follows, and no server round trip happens (the table fetches its rows itself).
 */
export function useTableParams() {
  const searchParams = useSearchParams();
  const pathname = usePathname();

  const setParams = useCallback(
    (patch: TParamPatch, options: { replace?: boolean } = {}) => {
      // Read the live URL, not the render's copy: debounced search updates land after renders.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (options.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [pathname],
  );

  return { searchParams, setParams };
}
