import { cn } from "@/components/ui/cn";

const numbers = new Intl.NumberFormat("en");

export type TStat = {
  label: string;
  value: number;
  hint?: string;
  tone?: "default" | "success" | "warning" | "destructive";
};

const TONES = {
  default: "",
  success: "text-success",
  warning: "text-warning",
  destructive: "text-destructive",
} as const;

/** A row of counts: rows in the file, imported, bad, already in the CRM. */
export function ImportStats({ stats }: { stats: TStat[] }) {
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border bg-border sm:grid-cols-4">
      {stats.map((stat) => (
        <div key={stat.label} className="bg-card px-4 py-3">
          <dt className="text-xs text-muted-foreground">{stat.label}</dt>
          <dd className={cn("mt-1 text-2xl font-semibold tracking-tight tabular-nums", TONES[stat.tone ?? "default"])}>
            {numbers.format(stat.value)}
          </dd>
          {stat.hint ? <dd className="mt-0.5 text-xs text-muted-foreground">{stat.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
