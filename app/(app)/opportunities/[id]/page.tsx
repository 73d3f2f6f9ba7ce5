import type { Metadata } from "next";
import { loadProfile } from "@/components/records/profile/load-profile";
import { OpportunityProfile } from "@/components/records/profile/opportunity-profile";
import { HydrateClient } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  await requireUser();
  const { name } = await loadProfile("opportunity", (await params).id);
  return { title: name ?? "Opportunity" };
}

export default async function OpportunityPage({ params }: TProps) {
  await requireUser();
  const { id } = await params;
  await loadProfile("opportunity", id);
  return (
    <HydrateClient>
      <OpportunityProfile id={id} />
    </HydrateClient>
  );
}
