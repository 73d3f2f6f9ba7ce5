"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Building2Icon } from "lucide-react";
import { useTRPC } from "@/components/trpc/provider";
import { ActivityTimeline } from "../activities/activity-timeline";
import { NewOpportunityDialog } from "../create/new-opportunity-dialog";
import { displayDomain } from "../format";
import { SourceBadge, StateBadge } from "../record-badges";
import { ActivityLog } from "./activity-log";
import { EditRecordDialog } from "./edit-record-dialog";
import { FieldsCard } from "./fields-card";
import { HiddenProfile } from "./hidden-profile";
import { ProfileHeader } from "./profile-header";
import { PotentialDuplicateNotice } from "./potential-duplicate-notice";
import { ProfileLayout } from "./profile-layout";
import { RecordStateBanner } from "./record-state-banner";
import { RelatedPanel } from "./related-panel";
import { RecordPushState, SyncHistoryPanel } from "./sync-history-panel";

/** An account's profile. */
export function AccountProfile({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.records.accounts.get.queryOptions({ id }));
  if (data.status === "hidden")
    return <HiddenProfile object={data.object} back={{ href: "/accounts", label: "Accounts" }} />;
  const account = data.profile;
  const industry = account.summary.find((field) => field.key === "industry")?.value;
  return (
    <>
      <ProfileHeader
        back={{ href: "/accounts", label: "Accounts" }}
        name={account.name}
        icon={<Building2Icon />}
        subline={
          [account.website ? displayDomain(account.website) : null, typeof industry === "string" ? industry : null]
            .filter(Boolean)
            .join(" · ") || undefined
        }
        badges={
          <>
            <SourceBadge source={account.source} />
            <StateBadge state={account.state} />
            <RecordPushState type="account" id={id} />
          </>
        }
        actions={
          account.state === "active" ? (
            <>
              <NewOpportunityDialog accountId={id} accountName={account.name} />
              <EditRecordDialog type="account" id={id} name={account.name} summary={account.summary} />
            </>
          ) : null
        }
        salesforceUrl={account.salesforceUrl}
      />
      <RecordStateBanner
        state={account.state}
        at={account.updatedAt}
        survivor={account.survivor}
        survivorHref={account.survivor ? `/accounts/${account.survivor.id}` : null}
      />
      {account.state === "active" ? <PotentialDuplicateNotice type="account" id={id} /> : null}
      <ProfileLayout
        details={
          <FieldsCard
            summary={account.summary}
            salesforceFields={account.salesforceFields}
            currency={account.currency}
          />
        }
        related={<RelatedPanel type="account" id={id} />}
        timeline={<ActivityTimeline on={{ type: "account", id }} />}
        syncHistory={<SyncHistoryPanel type="account" id={id} />}
        activity={<ActivityLog type="account" id={id} />}
      />
    </>
  );
}
