import Link from "next/link";
import type { TSessionUser } from "@/server/auth/session";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/** The signed-in frame: a sidebar on laptops, a top bar with a drawer on phones. */
export function AppShell({ user, children }: { user: TSessionUser; children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r bg-sidebar px-3 py-4 md:flex">
        <Link href="/" className="mb-6 px-2.5">
          <Logo />
        </Link>
        <div className="flex-1 overflow-y-auto">
          <NavLinks role={user.role} />
        </div>
        <div className="border-t pt-3">
          <UserMenu user={user} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b bg-background/90 px-4 backdrop-blur md:hidden">
          <MobileNav role={user.role} />
          <Link href="/" aria-label="Tandem home">
            <Logo />
          </Link>
          <div className="w-10">
            <UserMenu user={user} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-10">{children}</main>
      </div>
    </div>
  );
}
