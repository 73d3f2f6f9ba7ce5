import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { insertCrmPerson } from "@/server/prospects/testing/crm-records";
import { addUser } from "@/server/users/add-user";

let database: TTestDatabase;
let member: { id: string; email: string; name: string; role: "member" };

beforeAll(async () => {
  database = await createTestDatabase();
  const added = await addUser(database.db, {
    name: "Max",
    email: "max@example.com",
    password: "0123456789",
    role: "member",
  });
  member = { ...added, role: "member" };
});
afterAll(() => database.cleanup());

/** The per-field messages the form shows (the HTTP edge sends the same as `zodError`). */
async function fieldErrorsOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return z.flattenError(cause as ZodError).fieldErrors;
}

const callerFor = (user: typeof member | null) => createCaller({ db: database.db, user });

describe(`prospects procedures on ${testDatabaseKind()}`, () => {
  it("answers UNAUTHORIZED without a session", async () => {
    await expect(callerFor(null).prospects.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).prospects.create({ kind: "person", name: "Eve" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(callerFor(null).prospects.imports()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).prospects.loadSample()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets a member add a prospect by hand, matched against the CRM (PULL-3)", async () => {
    const contact = await insertCrmPerson(database.db, { name: "Jane Doe", email: "jane@acme.com" });
    const created = await callerFor(member).prospects.create({
      kind: "person",
      firstName: "Jane",
      lastName: "Doe",
      email: " JANE@acme.com ",
    });
    expect(created).toMatchObject({ name: "Jane Doe", email: "JANE@acme.com", domain: "acme.com", source: "manual" });
    expect(created.inCrm).toMatchObject({ type: "person", id: contact.id, href: `/people/${contact.id}` });
    const fresh = await callerFor(member).prospects.create({
      kind: "company",
      name: "Globex",
      website: "https://globex.com",
    });
    expect(fresh).toMatchObject({ domain: "globex.com", inCrm: null });
  });

  it("explains invalid fields and duplicates", async () => {
    expect(await fieldErrorsOf(callerFor(member).prospects.create({ kind: "person", email: "nope" }))).toEqual({
      email: ["Enter a valid email address, like jane@acme.com, or leave it empty."],
      name: ["Enter the person's name (a first or last name is enough)."],
    });
    expect(
      await fieldErrorsOf(callerFor(member).prospects.create({ kind: "company", name: "X", website: "not a site" })),
    ).toEqual({
      website: ["Enter a website like acme.com or https://www.acme.com, or leave it empty."],
    });
    await expect(
      callerFor(member).prospects.create({ kind: "company", name: "Globex again", website: "www.GLOBEX.com" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "globex.com is already a prospect (Globex). Search for it in the list instead of adding it again.",
    });
  });

  it("lets a member preview and import a CSV and read the report", async () => {
    const csv = "Name,Email\nAnn,ann@initech.com\nBad,bad@\n";
    const preview = await callerFor(member).prospects.previewImport({ fileName: "a.csv", kind: "person", csv });
    expect(preview).toMatchObject({
      headers: ["Name", "Email"],
      mapping: ["name", "email"],
      goodRows: 1,
      badRowCount: 1,
    });
    const result = await callerFor(member).prospects.import({
      fileName: "a.csv",
      kind: "person",
      csv,
      mapping: preview.mapping,
    });
    expect(result.summary).toMatchObject({ importedRows: 1, badRows: 1, createdBy: "Max" });
    const report = await callerFor(member).prospects.importReport({ importId: result.summary.id });
    expect(report.badRows).toEqual([
      {
        line: 3,
        code: "bad-email",
        reason: '"bad@" is not a valid email address.',
        values: { Name: "Bad", Email: "bad@" },
      },
    ]);
    expect((await callerFor(member).prospects.imports())[0]).toMatchObject({ id: result.summary.id, createdBy: "Max" });
    await expect(callerFor(member).prospects.importReport({ importId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("turns unreadable files into clear errors", async () => {
    await expect(
      callerFor(member).prospects.previewImport({ fileName: "empty.csv", kind: "person", csv: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "empty.csv is empty. Upload a CSV file with a header row and at least one row of data.",
    });
  });

  it("lists with search, kind filter, sort and pages", async () => {
    const caller = callerFor(member);
    const all = await caller.prospects.list({ includeInCrm: true, sort: "name", direction: "asc" });
    expect(all.rows.map((row) => row.name)).toEqual(["Ann", "Globex", "Jane Doe"]);
    expect((await caller.prospects.list({})).rows.map((row) => row.name).sort()).toEqual(["Ann", "Globex"]);
    expect((await caller.prospects.list({ kind: "company" })).rows.map((row) => row.name)).toEqual(["Globex"]);
    expect((await caller.prospects.list({ search: "initech" })).rows.map((row) => row.name)).toEqual(["Ann"]);
    expect((await caller.prospects.list({ search: "%" })).rows).toEqual([]);
    const page2 = await caller.prospects.list({
      includeInCrm: true,
      sort: "name",
      direction: "desc",
      page: 2,
      pageSize: 2,
    });
    expect(page2).toMatchObject({ total: 3, page: 2, rows: [expect.objectContaining({ name: "Ann" })] });
  });
});
