"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/people", label: "CRM people" },
  { href: "/people/prospects", label: "Prospects" },
] as const;

/**
 * The two halves of People: contacts and leads mirrored from Salesforce, and the prospect
 * database. Links, not a tab widget, so each half has its own URL and the back button works.
 */
export function PeopleTabs({ className }: { className?: string }) {
  const pathname = usePathname();
  // A profile (/people/<id>) belongs to the CRM tab; only the prospects section is the other.
  const active =
    pathname === "/people/prospects" || pathname.startsWith("/people/prospects/") ? "/people/prospects" : "/people";
  return (
    <nav aria-label="People" className={cn("mb-5 border-b", className)}>
      <ul className="-mb-px flex gap-5 overflow-x-auto [scrollbar-width:none]">
        {TABS.map((tab) => {
          const current = tab.href === active;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center border-b-2 border-transparent px-0.5 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
                  current && "border-primary text-foreground",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
