import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * Details, related records, the timeline, the sync history and the activity log. On phones they
 * stack in that order; on laptops related records and the sync history sit in a column to the
 * right of the rest. The two columns are `contents` on phones, so their cards join one flex
 * column and `order` interleaves them: nothing is rendered twice for the two layouts.
 */
export function ProfileLayout({
  details,
  related,
  timeline,
  syncHistory,
  activity,
}: {
  details: React.ReactNode;
  related: React.ReactNode;
  timeline: React.ReactNode;
  syncHistory: React.ReactNode;
  activity: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
        <div className="order-1 min-w-0">{details}</div>
        <div className="order-3 min-w-0">
          <Suspense fallback={<Skeleton className="h-56 w-full rounded-xl" />}>{timeline}</Suspense>
        </div>
        <div className="order-5 min-w-0">
          <Suspense fallback={<Skeleton className="h-64 w-full rounded-xl" />}>{activity}</Suspense>
        </div>
      </div>
      <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
        <aside aria-label="Related records" className="order-2 min-w-0">
          <Suspense fallback={<Skeleton className="h-48 w-full rounded-xl" />}>{related}</Suspense>
        </aside>
        <section aria-label="Sync history" className="order-4 min-w-0">
          <Suspense fallback={<Skeleton className="h-40 w-full rounded-xl" />}>{syncHistory}</Suspense>
        </section>
      </div>
    </div>
  );
}
