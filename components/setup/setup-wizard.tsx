"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { SetupSteps } from "@/components/shell/setup-steps";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { ConnectStep } from "./connect-step";
import { FirstSyncStep } from "./first-sync-step";
import { PullSettingsStep } from "./pull-settings-step";
import { PushSettingsStep } from "./push-settings-step";
import { RealtimeStep } from "./realtime-step";

const ORDER = ["connect", "pull", "push", "sync", "realtime"] as const;
type TStep = (typeof ORDER)[number];

/** The setup wizard after the first admin: each step saves as it goes, so it resumes anywhere. */
export function SetupWizard({
  requestedStep,
  flash,
}: {
  requestedStep: TStep | null;
  flash: { connected: boolean; error: string | null };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: progress } = useSuspenseQuery(trpc.sync.setupProgress.queryOptions());
  const available = (step: TStep) => step === "connect" || progress.connected;
  const step: TStep = requestedStep && available(requestedStep) ? requestedStep : (progress.nextStep ?? "realtime");
  const go = (next: TStep) => router.push(`/setup?step=${next}`);
  const index = ORDER.indexOf(step);

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col px-4 py-8 sm:py-12">
      <div className="mb-8 flex items-center justify-between">
        <Logo />
        <Button asChild variant="ghost" size="sm">
          <Link href="/">{progress.nextStep ? "Finish later" : "Go to Tandem"}</Link>
        </Button>
      </div>
      <SetupSteps current={index + 1} />
      {step === "connect" ? <ConnectStep flash={flash} onContinue={() => go("pull")} /> : null}
      {step === "pull" ? <PullSettingsStep onBack={() => go("connect")} onContinue={() => go("push")} /> : null}
      {step === "push" ? <PushSettingsStep onBack={() => go("pull")} onContinue={() => go("sync")} /> : null}
      {step === "sync" ? <FirstSyncStep onBack={() => go("push")} onContinue={() => go("realtime")} /> : null}
      {step === "realtime" ? <RealtimeStep onBack={() => go("sync")} onFinish={() => router.push("/")} /> : null}
    </main>
  );
}
