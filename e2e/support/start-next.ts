import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/**
 * Starts another `next start` (the build exists: the main web server made it) with only the given
 * env, for specs about how the server starts. Stop it with `child.kill("SIGTERM")`.
 */
export function startNextServer(
  port: number,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    [join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}
