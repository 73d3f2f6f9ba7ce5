"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowRightIcon, Building2Icon, HandshakeIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TRelatedList, TRelatedRecord } from "@/server/records/profile-schemas";
import type { TPersonKind, TRecordType } from "@/server/records/record-schemas";
import { formatNumber } from "../format";
import { HiddenSentence } from "../hidden-notice";
import { KindBadge } from "../record-badges";
import { SalesforceIconLink } from "../salesforce-link";

const HREF_PREFIX = {
  Account: "/accounts",
  Contact: "/people",
  Lead: "/people",
  Opportunity: "/opportunities",
} as const;
const TITLES = { Account: "Account", Contact: "Contacts", Lead: "Leads", Opportunity: "Opportunities" } as const;
const ICONS = { Account: Building2Icon, Contact: UsersIcon, Lead: UsersIcon, Opportunity: HandshakeIcon } as const;

function RecordRow({ record, hrefPrefix }: { record: TRelatedRecord; hrefPrefix: string }) {
  return (
    <li className="flex items-center gap-2 py-2">
      <div className="min-w-0 flex-1">
        <Link
          href={`${hrefPrefix}/${record.id}`}
          className="block truncate text-sm font-medium hover:underline hover:underline-offset-4"
        >
          {record.name}
        </Link>
        {record.detail ? <p className="truncate text-xs text-muted-foreground">{record.detail}</p> : null}
      </div>
      {record.kind ? <KindBadge kind={record.kind} className="hidden sm:inline-flex" /> : null}
      <SalesforceIconLink href={record.salesforceUrl} name={record.name} />
    </li>
  );
}

function RelatedCard({
  title,
  icon: Icon,
  count,
  action,
  children,
}: {
  title: string;
  icon: typeof UsersIcon;
  count?: number;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-3.5">
        <CardTitle className="flex items-center gap-2 text-sm">
          <Icon aria-hidden="true" className="size-4 text-muted-foreground" />
          {title}
          {count !== undefined ? (
            <span className="font-normal text-muted-foreground tabular-nums">{formatNumber(count)}</span>
          ) : null}
        </CardTitle>
        {action ? <CardAction>{action}</CardAction> : null}
      </CardHeader>
      <CardContent className="py-1.5">{children}</CardContent>
    </Card>
  );
}

function Quiet({ children }: { children: React.ReactNode }) {
  return <p className="py-2.5 text-sm text-muted-foreground">{children}</p>;
}

function ListCard({ list, emptyText }: { list: TRelatedList; emptyText: string }) {
  const viewAll =
    list.viewAllHref && list.total > list.records.length ? (
      <Link
        href={list.viewAllHref}
        className="inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline"
      >
        View all <ArrowRightIcon className="size-3" aria-hidden="true" />
      </Link>
    ) : null;
  return (
    <RelatedCard
      title={TITLES[list.object]}
      icon={ICONS[list.object]}
      count={list.hidden ? undefined : list.total}
      action={viewAll}
    >
      {list.hidden ? (
        <Quiet>
          <HiddenSentence objects={[list.object]} />
        </Quiet>
      ) : list.records.length === 0 ? (
        <Quiet>{emptyText}</Quiet>
      ) : (
        <ul className="divide-y">
          {list.records.map((record) => (
            <RecordRow key={record.id} record={record} hrefPrefix={HREF_PREFIX[list.object]} />
          ))}
        </ul>
      )}
    </RelatedCard>
  );
}

/** The records around a profile: its account, and that account's contacts or opportunities. */
export function RelatedPanel({ type, id, personKind }: { type: TRecordType; id: string; personKind?: TPersonKind }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.records.related.queryOptions({ type, id }));
  const isLead = personKind === "lead";

  return (
    <div className="grid gap-4">
      {type === "account" ? null : (
        <RelatedCard title="Account" icon={Building2Icon}>
          {data.accountHidden ? (
            <Quiet>
              <HiddenSentence objects={["Account"]} />
            </Quiet>
          ) : data.account ? (
            <ul>
              <RecordRow record={data.account} hrefPrefix="/accounts" />
            </ul>
          ) : (
            <Quiet>
              {isLead
                ? "A lead has a company, not an account, until it is converted in Salesforce."
                : "Not linked to an account."}
            </Quiet>
          )}
        </RelatedCard>
      )}
      {data.lists.map((list) =>
        isLead && list.object === "Opportunity" ? null : (
          <ListCard
            key={list.object}
            list={list}
            emptyText={
              data.account || type === "account"
                ? `No ${TITLES[list.object].toLowerCase()} at this account.`
                : `${TITLES[list.object]} show here once this record has an account.`
            }
          />
        ),
      )}
    </div>
  );
}
