import type { Metadata } from "next";
import { loadProfile } from "@/components/records/profile/load-profile";
import { PersonProfile } from "@/components/records/profile/person-profile";
import { HydrateClient } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  await requireUser();
  const { name } = await loadProfile("person", (await params).id);
  return { title: name ?? "Person" };
}

export default async function PersonPage({ params }: TProps) {
  await requireUser();
  const { id } = await params;
  await loadProfile("person", id);
  return (
    <HydrateClient>
      <PersonProfile id={id} />
    </HydrateClient>
  );
}
