import { spawn } from "node:child_process";
import { getPriority } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { BACKGROUND_NICE, lowerCpuPriority } from "./background-priority";

const children: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** This process's own nice value: a child starts from it. */
const base = getPriority();

/** A process that does nothing for a while, `increment` nicer than this one (`nice` sets it, then execs `sleep`). */
async function idleProcess(increment: number) {
  const nice = Math.min(base + increment, 19);
  const child = spawn("nice", ["-n", String(increment), "sleep", "30"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  const pid = child.pid!;
  for (let tries = 0; getPriority(pid) !== nice && tries < 200; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 5));
  return pid;
}

describe("lowerCpuPriority", () => {
  it("puts a process at normal priority below it", async () => {
    const pid = await idleProcess(0);
    expect(getPriority(pid)).toBe(base);
    expect(lowerCpuPriority(pid)).toBe(Math.max(base, BACKGROUND_NICE));
    expect(getPriority(pid)).toBe(Math.max(base, BACKGROUND_NICE));
  });

  it("leaves a process that is already nicer as it is", async () => {
    const pid = await idleProcess(15);
    const nicer = Math.min(base + 15, 19);
    expect(getPriority(pid)).toBe(nicer);
    expect(lowerCpuPriority(pid)).toBe(nicer);
    expect(getPriority(pid)).toBe(nicer);
  });

  it("answers NaN instead of throwing when there is no such process", () => {
    expect(lowerCpuPriority(2 ** 22 + 12_345)).toBeNaN();
  });
});
