import type { Metadata } from "next";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";
import { TeamTable } from "@/components/team/team-table";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title="Team" />
        <AdminsOnly what="The team" />
      </>
    );
  }
  prefetch(trpc.users.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Team"
        description="Everyone who can sign in to Tandem. Admins set Tandem up; members work the data."
      />
      <TeamTable currentUserId={user.id} />
    </HydrateClient>
  );
}
