import type { Metadata } from "next";
import { loadProfile } from "@/components/records/profile/load-profile";
import { AccountProfile } from "@/components/records/profile/account-profile";
import { HydrateClient } from "@/server/api/rsc";
import { requireUser } from "@/server/auth/guards";

type TProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  await requireUser();
  const { name } = await loadProfile("account", (await params).id);
  return { title: name ?? "Account" };
}

export default async function AccountPage({ params }: TProps) {
  await requireUser();
  const { id } = await params;
  await loadProfile("account", id);
  return (
    <HydrateClient>
      <AccountProfile id={id} />
    </HydrateClient>
  );
}
