import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { ROLES, type TRole } from "../../server/users/roles";

export { ROLES, type TRole };

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Stored lower-cased and trimmed; unique so two sign-ups can never share an address. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

/**
 * Failed sign-ins, counted per key: "email:<address>|ip:<client>" (one client guessing one
 * account) and "ip:<client>" (one client guessing many), so repeated failures are slowed down
 * whether or not the address belongs to a user, and a stranger's failures never lock the right
 * user out from another client (server/auth/sign-in-failures.ts).
 */
export const signInFailures = sqliteTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: integer("first_failure_at").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
});

/** Workspace-wide settings as JSON values, one row per key (setup progress, pull settings…). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
