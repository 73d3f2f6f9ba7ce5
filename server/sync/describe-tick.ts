import type { TBusyTick, TTickSummary } from "./tick-summary";

/** A tick summary as a few lines a person reads (the CLI without --json). */
export function describeTick(summary: TTickSummary | TBusyTick): string {
  if ("skipped" in summary) return "Another sync is running; this one was skipped.";
  const lines = [
    `Sync ${summary.ok ? "finished" : "had problems"} in ${(summary.durationMs / 1000).toFixed(1)} s using ${summary.apiCalls} API call${summary.apiCalls === 1 ? "" : "s"}.`,
  ];
  for (const [object, counts] of Object.entries(summary.pull)) {
    const parts = [
      `${counts.created} new`,
      `${counts.updated} updated`,
      `${counts.deleted} removed`,
      `${counts.unchanged} unchanged`,
    ];
    if ("suppressed" in counts) parts.push(`${counts.suppressed} kept as contacts`);
    lines.push(`  ${object.padEnd(12)} ${parts.join(", ")}`);
  }
  if (summary.outbound) {
    lines.push(`  ${"Outbound".padEnd(12)} ${summary.outbound.applied} applied, ${summary.outbound.failed} given up`);
  }
  for (const [object, counts] of Object.entries(summary.push)) {
    lines.push(
      `  ${`→ ${object}`.padEnd(12)} ${counts.created} created, ${counts.updated} updated, ${counts.failed} rejected in Salesforce`,
    );
  }
  for (const failure of summary.failures ?? [])
    lines.push(`  ! ${failure.object ? `${failure.object}: ` : ""}${failure.message}`);
  if (summary.more) lines.push("  More to do: run sync again (or let the schedule continue).");
  return lines.join("\n");
}
