"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit" });

export function ApiUsageChart({ samples }: { samples: Array<{ at: number; used: number; max: number }> }) {
  if (samples.length === 0) {
    return (
      <p className="flex h-40 items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground">
        No readings yet: the first sync records one.
      </p>
    );
  }
  const max = samples.at(-1)?.max ?? 0;
  return (
    <div className="h-40 w-full" aria-label={`API usage: ${samples.at(-1)?.used} of ${max} daily calls`} role="img">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={samples} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(value: number) => time.format(value)}
            tick={{ fontSize: 11 }}
            className="fill-muted-foreground"
          />
          <YAxis
            domain={[0, max]}
            width={48}
            tick={{ fontSize: 11 }}
            tickFormatter={(value: number) => value.toLocaleString()}
          />
          <Tooltip
            labelFormatter={(value) => time.format(Number(value))}
            formatter={(value) => [Number(value).toLocaleString(), "calls used"]}
          />
          <ReferenceLine
            y={max * 0.8}
            strokeDasharray="4 4"
            className="stroke-warning"
            label={{ value: "pause at 80%", fontSize: 10, position: "insideTopRight" }}
          />
          <Area
            type="stepAfter"
            dataKey="used"
            className="fill-primary/20 stroke-primary"
            fillOpacity={0.2}
            strokeWidth={2}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
