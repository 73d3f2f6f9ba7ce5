import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ImportFlow } from "@/components/prospects/import/import-flow";
import { ImportHistory } from "@/components/prospects/import/import-history";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Import prospects" };

export default async function ImportProspectsPage() {
  await requireUser();
  prefetch(trpc.prospects.imports.queryOptions());
  return (
    <HydrateClient>
      <div className="mb-2">
        <Button asChild variant="link" className="h-auto px-0 text-muted-foreground">
          <Link href="/people/prospects">
            <ArrowLeftIcon /> Prospects
          </Link>
        </Button>
      </div>
      <PageHeader
        title="Import prospects"
        description="Bring in people or companies from a CSV file. Rows with problems are listed and skipped; every good row is imported."
      />
      <div className="grid gap-8">
        <ImportFlow />
        <ImportHistory />
      </div>
    </HydrateClient>
  );
}
