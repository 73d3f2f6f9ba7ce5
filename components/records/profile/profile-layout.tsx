import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * Details, related records, activity: stacked in that order on phones; on laptops related
 * records sit in a column to the right of the other two. Grid areas keep one copy of each in
 * the page, so nothing is rendered twice for the two layouts.
 */
export function ProfileLayout({
  details,
  related,
  activity,
}: {
  details: React.ReactNode;
  related: React.ReactNode;
  activity: React.ReactNode;
}) {
  return (
    <div className="grid gap-4 [grid-template-areas:'details'_'related'_'activity'] lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr] lg:[grid-template-areas:'details_related'_'activity_related'] xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 [grid-area:details]">{details}</div>
      <aside aria-label="Related records" className="min-w-0 self-start [grid-area:related]">
        <Suspense fallback={<Skeleton className="h-48 w-full rounded-xl" />}>{related}</Suspense>
      </aside>
      <div className="min-w-0 self-start [grid-area:activity]">
        <Suspense fallback={<Skeleton className="h-64 w-full rounded-xl" />}>{activity}</Suspense>
      </div>
    </div>
  );
}
