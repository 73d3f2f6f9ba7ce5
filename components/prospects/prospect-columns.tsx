import { Building2Icon, UserIcon } from "lucide-react";
import type { TDataTableColumn } from "@/components/data-table/data-table";
import { DataTableTruncate } from "@/components/data-table/data-table-truncate";
import type { TProspect } from "@/server/prospects/schemas";
import { InCrmBadge } from "./in-crm-badge";

const added = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function Muted({ text }: { text: string | null }) {
  return text ? (
    <DataTableTruncate className="text-muted-foreground">{text}</DataTableTruncate>
  ) : (
    <span className="text-muted-foreground/50">—</span>
  );
}

function KindIcon({ kind }: { kind: TProspect["kind"] }) {
  const Icon = kind === "person" ? UserIcon : Building2Icon;
  return (
    <span
      className="flex size-7 shrink-0 items-center justify-center rounded-md border bg-muted/40 text-muted-foreground"
      title={kind === "person" ? "Person" : "Company"}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      <span className="sr-only">{kind === "person" ? "Person" : "Company"}</span>
    </span>
  );
}

/** What a phone shows under the name, where the other columns do not fit. */
function secondLine(row: TProspect): string | null {
  if (row.kind === "company") return [row.domain, row.industry].filter(Boolean).join(" · ") || null;
  return [row.title, row.company].filter(Boolean).join(" · ") || row.email;
}

export const PROSPECT_COLUMNS: TDataTableColumn<TProspect>[] = [
  {
    id: "name",
    header: "Name",
    sortKey: "name",
    className: "w-[15rem] sm:w-[17rem]",
    cell: (row) => (
      <div className="flex items-center gap-2.5">
        <KindIcon kind={row.kind} />
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <DataTableTruncate className="font-medium">{row.name}</DataTableTruncate>
            {row.inCrm ? <InCrmBadge link={row.inCrm} name={row.name} /> : null}
          </div>
          <span className="block truncate text-xs text-muted-foreground md:hidden">{secondLine(row)}</span>
        </div>
      </div>
    ),
  },
  {
    id: "email",
    header: "Email",
    sortKey: "email",
    className: "hidden md:table-cell",
    cell: (row) => <Muted text={row.email} />,
  },
  {
    id: "company",
    header: "Company / industry",
    sortKey: "company",
    className: "hidden md:table-cell",
    cell: (row) => <Muted text={row.kind === "person" ? row.company : row.industry} />,
  },
  { id: "title", header: "Title", className: "hidden 2xl:table-cell", cell: (row) => <Muted text={row.title} /> },
  {
    id: "domain",
    header: "Domain",
    sortKey: "domain",
    className: "hidden lg:table-cell w-44",
    cell: (row) => <Muted text={row.domain} />,
  },
  {
    id: "location",
    header: "Location",
    className: "hidden 2xl:table-cell w-40",
    cell: (row) => <Muted text={[row.city, row.country].filter(Boolean).join(", ") || null} />,
  },
  {
    id: "added",
    header: "Added",
    sortKey: "createdAt",
    className: "hidden sm:table-cell w-32",
    cell: (row) => (
      // The server formats dates in its own time zone, the browser in the user's.
      <span
        className="text-muted-foreground tabular-nums"
        title={row.source === "import" ? "Imported from a CSV file" : "Added by hand"}
        suppressHydrationWarning
      >
        {added.format(row.createdAt)}
      </span>
    ),
  },
];
