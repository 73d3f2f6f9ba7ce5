"use client";

import { ChevronDownIcon } from "lucide-react";
import { useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TField } from "@/server/records/profile-schemas";
import { FieldValue } from "./field-value";

function FieldList({ fields, currency }: { fields: TField[]; currency: string | null }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {fields.map((field) => (
        <div
          key={field.key}
          className={cn("min-w-0", typeof field.value === "string" && field.value.length > 60 && "sm:col-span-2")}
        >
          <dt className="text-xs text-muted-foreground">{field.label}</dt>
          <dd className="mt-0.5 text-sm">
            <FieldValue field={field} currency={currency} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The record's values: Tandem's typed columns first, then every other field pulled from
 * Salesforce. Empty fields fold into one line so the card shows what is known.
 */
export function FieldsCard({
  summary,
  salesforceFields,
  currency,
}: {
  summary: TField[];
  salesforceFields: TField[];
  currency: string | null;
}) {
  const [showEmpty, setShowEmpty] = useState(false);
  const filledSummary = summary.filter((field) => field.value !== null);
  const filledSalesforce = salesforceFields.filter((field) => field.value !== null);
  const empty = [...summary, ...salesforceFields].filter((field) => field.value === null);

  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-4">
        <CardTitle className="text-sm">Details</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6 py-5">
        <FieldList fields={filledSummary} currency={currency} />
        {filledSalesforce.length > 0 ? (
          <section aria-labelledby="salesforce-fields" className="grid gap-4 border-t pt-5">
            <h3 id="salesforce-fields" className="text-xs font-medium tracking-wider text-muted-foreground uppercase">
              More from Salesforce
            </h3>
            <FieldList fields={filledSalesforce} currency={currency} />
          </section>
        ) : null}
        {empty.length > 0 ? (
          <div className="border-t pt-4">
            <button
              type="button"
              aria-expanded={showEmpty}
              onClick={() => setShowEmpty((shown) => !shown)}
              className="inline-flex items-center gap-1 text-xs font-medium text-muted-foreground hover:text-foreground"
            >
              <ChevronDownIcon
                aria-hidden="true"
                className={cn("size-3.5 transition-transform", showEmpty && "rotate-180")}
              />
              {showEmpty ? "Hide" : "Show"} {empty.length} empty {empty.length === 1 ? "field" : "fields"}
            </button>
            {showEmpty ? (
              <p className="mt-2 text-sm text-muted-foreground">{empty.map((field) => field.label).join(", ")}</p>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
