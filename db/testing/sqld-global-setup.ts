import type { TestProject } from "vitest/node";
import { startSqld } from "./sqld";

declare module "vitest" {
  export interface ProvidedContext {
    sqld: { url: string; authToken: string };
  }
}

/** One sqld for the whole remote-database project; each test file resets it (files run in turn). */
export default async function setup(project: TestProject) {
  const server = await startSqld();
  project.provide("sqld", { url: server.url, authToken: server.authToken });
  return () => server.stop();
}
