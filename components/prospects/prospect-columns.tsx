import { Building2Icon, UserIcon } from "lucide-react";
import type { TDataTableColumn } from "@/components/data-table/data-table";
import { DataTableTruncate } from "@/components/data-table/data-table-truncate";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
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

/** What the rows offer: selection for the bulk action, and "Add to CRM" one at a time. */
export type TProspectRowActions = {
  isSelected: (id: string) => boolean;
  onToggle: (row: TProspect) => void;
  onAdd: (row: TProspect) => void;
  /** Rows in the run under way: their button shows it. */
  adding: ReadonlySet<string>;
  /** A run is under way: the checkboxes and buttons keep their focus but ignore the rep. */
  busy: boolean;
};

/** A prospect in the CRM shows its badge; one that is not can be selected and added. */
export function prospectColumns(actions: TProspectRowActions): TDataTableColumn<TProspect>[] {
  return [
    {
      id: "name",
      header: "Name",
      sortKey: "name",
      className: "w-[13rem] sm:w-[18.5rem]",
      cell: (row) => (
        <div className="flex items-center gap-2.5">
          {row.inCrm ? (
            <span aria-hidden="true" className="size-4 shrink-0" />
          ) : (
            <input
              type="checkbox"
              aria-label={`Select ${row.name}`}
              className="size-4 shrink-0 accent-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
              checked={actions.isSelected(row.id)}
              // Not `disabled` while adding: a disabled control drops the keyboard's focus.
              aria-disabled={actions.busy || undefined}
              onChange={() => !actions.busy && actions.onToggle(row)}
            />
          )}
          <KindIcon kind={row.kind} />
          <div className="min-w-0 flex-1">
            <DataTableTruncate className="font-medium">{row.name}</DataTableTruncate>
            <span className="block truncate text-xs text-muted-foreground md:hidden">{secondLine(row)}</span>
          </div>
        </div>
      ),
    },
    ...DETAIL_COLUMNS,
    {
      id: "crm",
      header: "CRM",
      align: "right",
      className: "w-[8.5rem]",
      cell: (row) =>
        row.inCrm ? (
          <InCrmBadge link={row.inCrm} name={row.name} />
        ) : (
          <Button
            variant="outline"
            size="sm"
            className="h-7 px-2.5"
            pending={actions.busy}
            onClick={() => actions.onAdd(row)}
            aria-label={`Add to CRM: ${row.name}`}
          >
            {actions.adding.has(row.id) ? <Spinner aria-hidden="true" role={undefined} /> : null}
            Add to CRM
          </Button>
        ),
    },
  ];
}

const DETAIL_COLUMNS: TDataTableColumn<TProspect>[] = [
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
    className: "hidden 2xl:table-cell w-44",
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
