"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { TRole } from "@/server/users/roles";
import { OpenErrorsBadge } from "@/components/push-errors/open-errors-badge";
import { cn } from "@/components/ui/cn";
import { NAV_SECTIONS } from "./nav-items";

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ role, onNavigate }: { role: TRole; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-5">
      {NAV_SECTIONS.map((section, index) => {
        const items = section.items.filter((item) => !item.adminOnly || role === "admin");
        if (items.length === 0) return null;
        return (
          <div key={section.title ?? index} className="grid gap-0.5">
            {section.title ? (
              <p className="px-2.5 pb-1 text-[0.7rem] font-medium uppercase tracking-wider text-muted-foreground">
                {section.title}
              </p>
            ) : null}
            {items.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                    active && "bg-accent font-medium text-foreground",
                  )}
                >
                  <item.icon className="size-4" aria-hidden="true" />
                  {item.label}
                  {item.badge === "push-errors" ? <OpenErrorsBadge /> : null}
                </Link>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
