"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The Sync page's way to the error log (ERR-1), with how many pushes wait for a fix. */
export function ErrorLogCard({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.push.errors.count.queryOptions(), refetchInterval: 30_000 });
  const open = count.data?.open;
  const waiting =
    open === undefined
      ? ""
      : `${open.toLocaleString("en")} ${isAdmin ? "" : "of your "}${open === 1 ? "push waits" : "pushes wait"}`;
  return (
    <Card role="region" aria-labelledby="error-log-title">
      <CardHeader>
        <CardTitle id="error-log-title" className="text-base">
          Push errors
        </CardTitle>
        <CardDescription>
          {open === undefined
            ? "What Salesforce refused of what Tandem sent, with what to do about it."
            : open === 0
              ? "None open: everything Tandem sent reached Salesforce."
              : `${waiting} for a fix; each says what Salesforce refused and what to do.`}
        </CardDescription>
        <CardAction>
          <Button asChild variant="outline" size="sm">
            <Link href="/errors">
              Open the error log <ArrowRightIcon />
            </Link>
          </Button>
        </CardAction>
      </CardHeader>
    </Card>
  );
}
