import type { TField } from "@/server/records/profile-schemas";
import {
  displayDomain,
  formatCurrency,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  websiteHref,
} from "../format";

const linkClass = "text-primary underline-offset-4 hover:underline break-all";

/** One field's value, formatted by its kind: links for emails, phones and websites; dates, money and numbers in the reader's terms. */
export function FieldValue({ field, currency }: { field: TField; currency: string | null }) {
  const { value, format } = field;
  if (value === null) return <span className="text-muted-foreground/60">—</span>;
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "number") {
    if (format === "currency") return <span className="tabular-nums">{formatCurrency(value, currency)}</span>;
    if (format === "percent") return <span className="tabular-nums">{formatPercent(value)}</span>;
    return <span className="tabular-nums">{formatNumber(value)}</span>;
  }
  switch (format) {
    case "email":
      return (
        <a href={`mailto:${value}`} className={linkClass}>
          {value}
        </a>
      );
    case "phone":
      return (
        <a href={`tel:${value.replace(/[^\d+]/g, "")}`} className={linkClass}>
          {value}
        </a>
      );
    case "url":
      return (
        <a href={websiteHref(value)} target="_blank" rel="noopener noreferrer" className={linkClass}>
          {displayDomain(value)}
        </a>
      );
    case "date":
      return <span className="tabular-nums">{formatDate(value)}</span>;
    case "datetime":
      // The reader's time zone may differ from the server's: the client's rendering wins.
      return (
        <time dateTime={value} className="tabular-nums" suppressHydrationWarning>
          {formatDateTime(value)}
        </time>
      );
    default:
      return <span className="break-words whitespace-pre-wrap">{value}</span>;
  }
}
