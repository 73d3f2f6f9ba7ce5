import { HomeIcon, UsersRoundIcon, type LucideIcon } from "lucide-react";

export type TNavItem = { href: string; label: string; icon: LucideIcon; adminOnly?: boolean };
export type TNavSection = { title?: string; items: TNavItem[] };

export const NAV_SECTIONS: TNavSection[] = [
  { items: [{ href: "/", label: "Home", icon: HomeIcon }] },
  { title: "Settings", items: [{ href: "/settings/team", label: "Team", icon: UsersRoundIcon, adminOnly: true }] },
];
