import type { Metadata } from "next";
import { MappingSettings } from "@/components/mapping/mapping-settings";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Field mapping" };

export default async function FieldMappingPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title="Field mapping" />
        <AdminsOnly what="Field mapping" />
      </>
    );
  }
  prefetch(trpc.mapping.view.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Field mapping"
        description="Which Salesforce fields Tandem fills from its prospect data, object by object."
      />
      <MappingSettings />
    </HydrateClient>
  );
}
