"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { UserIcon } from "lucide-react";
import { useTRPC } from "@/components/trpc/provider";
import { ActivityTimeline } from "../activities/activity-timeline";
import { KindBadge, SourceBadge, StateBadge } from "../record-badges";
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

/** A contact's or lead's profile. */
export function PersonProfile({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.records.people.get.queryOptions({ id }));
  if (data.status === "hidden")
    return <HiddenProfile object={data.object} back={{ href: "/people", label: "People" }} />;
  const person = data.profile;
  const account = person.summary.find((field) => field.key === "account" || field.key === "company")?.value;
  return (
    <>
      <ProfileHeader
        back={{ href: "/people", label: "People" }}
        name={person.name}
        icon={<UserIcon />}
        subline={[person.title, typeof account === "string" ? account : null].filter(Boolean).join(" · ") || undefined}
        badges={
          <>
            <KindBadge kind={person.kind} />
            <SourceBadge source={person.source} />
            <StateBadge state={person.state} />
            <RecordPushState type="person" id={id} />
          </>
        }
        actions={
          person.state === "active" ? (
            <EditRecordDialog
              type="person"
              id={id}
              name={person.name}
              summary={person.summary}
              personKind={person.kind}
              values={{ firstName: person.firstName, lastName: person.lastName }}
            />
          ) : null
        }
        salesforceUrl={person.salesforceUrl}
      />
      <RecordStateBanner
        state={person.state}
        at={person.updatedAt}
        survivor={person.survivor}
        survivorHref={person.survivor ? `/people/${person.survivor.id}` : null}
      />
      {person.state === "active" ? <PotentialDuplicateNotice type="person" id={id} /> : null}
      <ProfileLayout
        details={
          <FieldsCard summary={person.summary} salesforceFields={person.salesforceFields} currency={person.currency} />
        }
        related={<RelatedPanel type="person" id={id} personKind={person.kind} />}
        timeline={<ActivityTimeline on={{ type: "person", id }} />}
        syncHistory={<SyncHistoryPanel type="person" id={id} />}
        activity={<ActivityLog type="person" id={id} />}
      />
    </>
  );
}
