import journal from "@/db/migrations/meta/_journal.json";

export type TMigrationLevel = {
  /** Migrations the backup's database had applied. */
  backup: number;
  /** Migrations this version of Tandem has. */
  known: number;
  /** The backup has a migration made after this version's newest: a newer Tandem made it. */
  newer: boolean;
};

/**
 * Compares the backup's `__drizzle_migrations` rows with the migrations this code ships. Drizzle
 * decides what to apply by the newest `created_at` (the journal's `when`), so that is what tells a
 * newer schema apart from an older one.
 */
export function compareMigrationLevel(appliedAt: readonly number[]): TMigrationLevel {
  const known = journal.entries.map((entry) => entry.when);
  return {
    backup: appliedAt.length,
    known: known.length,
    newer: appliedAt.some((when) => when > Math.max(...known)),
  };
}
