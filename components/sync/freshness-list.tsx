import { EyeOffIcon } from "lucide-react";
import { OBJECT_LABELS } from "@/components/setup/object-labels";
import { Badge } from "@/components/ui/badge";

type TObject = {
  object: keyof typeof OBJECT_LABELS;
  lastPulledAt: number | null;
  initialLoadAt: number | null;
  stored: number;
  visible: boolean;
  loaded: number;
  total: number | null;
};

function ago(at: number | null) {
  if (!at) return "never";
  const seconds = Math.round((Date.now() - at) / 1000);
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(at).toLocaleString();
}

export function FreshnessList({ objects, visibilityOnly = false }: { objects: TObject[]; visibilityOnly?: boolean }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {objects.map((object) => (
        <li key={object.object} className="rounded-lg border p-3">
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">{OBJECT_LABELS[object.object].many}</span>
            {object.visible ? null : (
              <Badge variant="secondary" className="gap-1">
                <EyeOffIcon className="size-3" aria-hidden="true" /> hidden
              </Badge>
            )}
          </div>
          {visibilityOnly ? null : (
            // Relative times differ by a second or two between the server render and hydration.
            <p className="mt-1 text-sm text-muted-foreground" suppressHydrationWarning>
              <span className="tabular-nums">{object.stored.toLocaleString()}</span> in Tandem · pulled{" "}
              {ago(object.lastPulledAt)}
              {object.initialLoadAt === null && object.total !== null
                ? ` · first load ${Math.floor((object.loaded / Math.max(1, object.total)) * 100)}%`
                : ""}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
