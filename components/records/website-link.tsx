import { DataTableTruncate } from "@/components/data-table/data-table-truncate";
import { displayDomain, websiteHref } from "./format";

/** A website shown as its bare domain, opening in a new tab. */
export function WebsiteLink({ website, domain }: { website: string | null; domain?: string | null }) {
  if (!website)
    return domain ? (
      <span className="text-muted-foreground">{domain}</span>
    ) : (
      <span className="text-muted-foreground/50">—</span>
    );
  return (
    <DataTableTruncate>
      <a
        href={websiteHref(website)}
        target="_blank"
        rel="noopener noreferrer"
        className="text-muted-foreground hover:text-foreground hover:underline"
      >
        {displayDomain(website)}
      </a>
    </DataTableTruncate>
  );
}
