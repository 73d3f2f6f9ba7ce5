const MINUTE = 60_000;
const WINDOW_MINUTES = 24 * 60;

/**
 * API calls counted as Salesforce counts them: each REST/SOAP request is one, a composite is
 * one, each composite/batch subrequest is one, OAuth calls are free. The daily limit is a
 * rolling 24-hour window (kept here in minute buckets).
 */
export class ApiUsage {
  dailyMax: number;
  total = 0;
  readonly byResource = new Map<string, number>();
  private readonly buckets = new Map<number, number>();

  constructor(
    private readonly clock: () => number,
    dailyMax: number,
  ) {
    this.dailyMax = dailyMax;
  }

  used(): number {
    const now = Math.floor(this.clock() / MINUTE);
    let sum = 0;
    for (const [minute, n] of this.buckets) {
      if (minute > now - WINDOW_MINUTES) sum += n;
      else this.buckets.delete(minute);
    }
    return sum;
  }

  exhausted(): boolean {
    return this.used() >= this.dailyMax;
  }

  record(resource: string, n = 1): void {
    const minute = Math.floor(this.clock() / MINUTE);
    this.buckets.set(minute, (this.buckets.get(minute) ?? 0) + n);
    this.total += n;
    this.byResource.set(resource, (this.byResource.get(resource) ?? 0) + n);
  }

  /** `Sforce-Limit-Info: api-usage=N/M`, returned on every REST response. */
  header(): string {
    return `api-usage=${this.used()}/${this.dailyMax}`;
  }

  reset(): void {
    this.total = 0;
    this.byResource.clear();
    this.buckets.clear();
  }
}
