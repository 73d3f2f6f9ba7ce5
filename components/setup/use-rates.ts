"use client";

import { useEffect, useRef, useState } from "react";

type TSample = { object: string; loaded: number };

/** Records per second per object, from how `loaded` moved between polls (smoothed). */
export function useRates(objects: TSample[]): Record<string, number> {
  const previous = useRef<{ at: number; loaded: Record<string, number> } | null>(null);
  const [rates, setRates] = useState<Record<string, number>>({});
  const signature = objects.map((object) => `${object.object}:${object.loaded}`).join(",");
  useEffect(() => {
    const now = Date.now();
    const loaded = Object.fromEntries(objects.map((object) => [object.object, object.loaded]));
    const last = previous.current;
    previous.current = { at: now, loaded };
    if (!last || now - last.at < 200) return;
    setRates((current) => {
      const next = { ...current };
      for (const [object, value] of Object.entries(loaded)) {
        const delta = value - (last.loaded[object] ?? value);
        if (delta <= 0) continue;
        const rate = (delta * 1000) / (now - last.at);
        next[object] = current[object] ? current[object] * 0.6 + rate * 0.4 : rate;
      }
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return rates;
}
