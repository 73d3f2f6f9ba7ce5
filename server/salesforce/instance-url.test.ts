import { describe, expect, it } from "vitest";
import type { TSalesforceEnvironment } from "./environments";
import { isTrustedSalesforceUrl } from "./instance-url";

const demo = { TANDEM_DEMO_SALESFORCE_URL: "http://localhost:4010" };

describe("URLs from Salesforce's token response that Tandem sends tokens to", () => {
  it.each<{ url: string; environment: TSalesforceEnvironment; env: typeof demo | object; trusted: boolean }>([
    { url: "https://acme.my.salesforce.com", environment: "production", env: {}, trusted: true },
    { url: "http://acme.my.salesforce.com", environment: "production", env: {}, trusted: false },
    { url: "http://localhost:4010", environment: "custom", env: demo, trusted: false },
    { url: "http://localhost:4010", environment: "demo", env: demo, trusted: true },
    { url: "http://localhost:4010/id/00D/005", environment: "demo", env: demo, trusted: true },
    { url: "http://localhost:4011", environment: "demo", env: demo, trusted: false },
    { url: "http://127.0.0.1:4010", environment: "demo", env: demo, trusted: false },
    { url: "http://localhost:4010", environment: "demo", env: {}, trusted: false },
    { url: "https://user:pass@acme.my.salesforce.com", environment: "production", env: {}, trusted: false },
    { url: "javascript:alert(1)", environment: "production", env: {}, trusted: false },
    { url: "not a url", environment: "production", env: {}, trusted: false },
  ])("$url ($environment): $trusted", ({ url, environment, env, trusted }) => {
    expect(isTrustedSalesforceUrl(url, environment, env)).toBe(trusted);
  });
});
