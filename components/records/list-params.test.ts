import { describe, expect, it } from "vitest";
import { opportunitiesListInput, peopleListInput } from "./list-params";

describe("list URLs", () => {
  it("read a shared link's page, size, sort, search and filters", () => {
    const params = new URLSearchParams(
      "page=3&size=50&sort=company&dir=desc&q=acme&kind=lead&owner=005A&source=import&account=abc",
    );
    expect(peopleListInput(params)).toEqual({
      page: 3,
      pageSize: 50,
      sort: "company",
      direction: "desc",
      search: "acme",
      kind: "lead",
      owner: "005A",
      source: "import",
      accountId: "abc",
    });
  });

  it("fall back to defaults for anything unknown or malformed instead of failing the page", () => {
    expect(
      peopleListInput({ page: "-2", size: "30", sort: "password", dir: "sideways", kind: "robot", source: "fax" }),
    ).toEqual({
      page: 1,
      pageSize: 25,
      sort: "name",
      direction: "asc",
      search: "",
      kind: undefined,
      owner: undefined,
      source: undefined,
      accountId: undefined,
    });
    expect(opportunitiesListInput({ status: ["won", "lost"], sort: "amount" })).toMatchObject({
      status: "won",
      sort: "amount",
    });
  });
});
