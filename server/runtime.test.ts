import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("runtime", () => {
  it("runs on Node 22 or newer, as package.json's engines field promises", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).toBeGreaterThanOrEqual(22);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(">=22");
  });
});
