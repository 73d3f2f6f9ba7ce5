import { SALESFORCE_API_VERSION } from "@/server/salesforce/api-version";
import { NO_FAULTS_HEADER } from "@/server/emulator/org/faults";

export type TSalesforceRecord = Record<string, unknown> & { Id: string };

/**
 * "Someone in Salesforce": the workload's own changes to the emulated org and its final reading of
 * every record, over the REST API like any client, but marked so that injected faults never hit
 * it (the soak faults Tandem's calls, not the scenery's). An expired session is renewed by asking
 * the emulator's admin API for a new token.
 */
export class SalesforceDriver {
  private token: { access_token: string; instance_url: string } | null = null;

  constructor(readonly url: string) {}

  async admin(path: string, body?: unknown, method = "POST"): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}/__emulator/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  private async call(method: string, path: string, body?: unknown, retried = false): Promise<unknown> {
    this.token ??= (await this.admin("tokens")) as unknown as { access_token: string; instance_url: string };
    const response = await fetch(`${this.token.instance_url}/services/data/v${SALESFORCE_API_VERSION}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token.access_token}`,
        "content-type": "application/json",
        [NO_FAULTS_HEADER]: "1",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      this.token = null;
      return this.call(method, path, body, true);
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`Salesforce ${method} ${path.slice(0, 120)}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  /** Every row of a query, deleted ones too (queryAll), page after page. */
  async queryAll(soql: string): Promise<TSalesforceRecord[]> {
    type TPage = { records: TSalesforceRecord[]; nextRecordsUrl?: string };
    let page = (await this.call("GET", `/queryAll?q=${encodeURIComponent(soql)}`)) as TPage;
    const records = [...page.records];
    while (page.nextRecordsUrl) {
      const path = page.nextRecordsUrl.replace(/^\/services\/data\/v[\d.]+/, "");
      page = (await this.call("GET", path)) as TPage;
      records.push(...page.records);
    }
    return records.map(({ attributes: _attributes, ...record }) => record as TSalesforceRecord);
  }

  /** Creates records, 200 to a call, all or none; returns their Ids in order. */
  async create(object: string, records: Array<Record<string, unknown>>): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < records.length; start += 200) {
      const results = (await this.call("POST", "/composite/sobjects", {
        allOrNone: true,
        records: records.slice(start, start + 200).map((record) => ({ attributes: { type: object }, ...record })),
      })) as Array<{ id?: string; success: boolean; errors: unknown[] }>;
      for (const result of results) {
        if (!result.success || !result.id) throw new Error(`creating ${object}: ${JSON.stringify(result.errors)}`);
        ids.push(result.id);
      }
    }
    return ids;
  }

  async update(object: string, records: Array<Record<string, unknown> & { Id: string }>): Promise<void> {
    for (let start = 0; start < records.length; start += 200) {
      const results = (await this.call("PATCH", "/composite/sobjects", {
        allOrNone: true,
        records: records.slice(start, start + 200).map((record) => ({ attributes: { type: object }, ...record })),
      })) as Array<{ success: boolean; errors: unknown[] }>;
      const failed = results.find((result) => !result.success);
      if (failed) throw new Error(`updating ${object}: ${JSON.stringify(failed.errors)}`);
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 200) {
      const chunk = ids.slice(start, start + 200).join(",");
      const results = (await this.call("DELETE", `/composite/sobjects?ids=${chunk}&allOrNone=true`)) as Array<{
        success: boolean;
        errors: unknown[];
      }>;
      const failed = results.find((result) => !result.success);
      if (failed) throw new Error(`deleting: ${JSON.stringify(failed.errors)}`);
    }
  }
}
