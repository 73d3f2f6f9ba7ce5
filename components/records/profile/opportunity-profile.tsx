"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { HandshakeIcon } from "lucide-react";
import { useTRPC } from "@/components/trpc/provider";
import { ActivityTimeline } from "../activities/activity-timeline";
import { formatCurrency } from "../format";
import { SourceBadge, StateBadge } from "../record-badges";
import { ActivityLog } from "./activity-log";
import { EditRecordDialog } from "./edit-record-dialog";
import { FieldsCard } from "./fields-card";
import { HiddenProfile } from "./hidden-profile";
import { ProfileHeader } from "./profile-header";
import { ProfileLayout } from "./profile-layout";
import { RecordStateBanner } from "./record-state-banner";
import { RelatedPanel } from "./related-panel";
import { RecordPushState, SyncHistoryPanel } from "./sync-history-panel";

/** An opportunity's profile. */
export function OpportunityProfile({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.records.opportunities.get.queryOptions({ id }));
  if (data.status === "hidden")
    return <HiddenProfile object={data.object} back={{ href: "/opportunities", label: "Opportunities" }} />;
  const opportunity = data.profile;
  const amount = opportunity.summary.find((field) => field.key === "amount")?.value;
  return (
    <>
      <ProfileHeader
        back={{ href: "/opportunities", label: "Opportunities" }}
        name={opportunity.name}
        icon={<HandshakeIcon />}
        subline={
          [opportunity.stage, typeof amount === "number" ? formatCurrency(amount, opportunity.currency) : null]
            .filter(Boolean)
            .join(" · ") || undefined
        }
        badges={
          <>
            <SourceBadge source={opportunity.source} />
            <StateBadge state={opportunity.state} />
            <RecordPushState type="opportunity" id={id} />
          </>
        }
        actions={
          opportunity.state === "active" ? (
            <EditRecordDialog type="opportunity" id={id} name={opportunity.name} summary={opportunity.summary} />
          ) : null
        }
        salesforceUrl={opportunity.salesforceUrl}
      />
      <RecordStateBanner
        state={opportunity.state}
        at={opportunity.updatedAt}
        survivor={opportunity.survivor}
        survivorHref={opportunity.survivor ? `/opportunities/${opportunity.survivor.id}` : null}
      />
      <ProfileLayout
        details={
          <FieldsCard
            summary={opportunity.summary}
            salesforceFields={opportunity.salesforceFields}
            currency={opportunity.currency}
          />
        }
        related={<RelatedPanel type="opportunity" id={id} />}
        timeline={<ActivityTimeline on={{ type: "opportunity", id }} />}
        syncHistory={<SyncHistoryPanel type="opportunity" id={id} />}
        activity={<ActivityLog type="opportunity" id={id} />}
      />
    </>
  );
}
