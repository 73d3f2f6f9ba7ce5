import {
  ActivityIcon,
  Building2Icon,
  CircleAlertIcon,
  CloudIcon,
  CopyIcon,
  HandshakeIcon,
  HomeIcon,
  SparklesIcon,
  ArrowLeftRightIcon,
  UsersIcon,
  UsersRoundIcon,
  type LucideIcon,
} from "lucide-react";

export type TNavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  adminOnly?: boolean;
  /** A count beside the label: open push errors. */
  badge?: "push-errors";
};
export type TNavSection = { title?: string; items: TNavItem[] };

export const NAV_SECTIONS: TNavSection[] = [
  {
    items: [
      { href: "/", label: "Home", icon: HomeIcon },
      { href: "/people", label: "People", icon: UsersIcon },
      { href: "/accounts", label: "Accounts", icon: Building2Icon },
      { href: "/opportunities", label: "Opportunities", icon: HandshakeIcon },
      { href: "/enrichment", label: "Enrichment", icon: SparklesIcon },
      { href: "/duplicates", label: "Duplicates", icon: CopyIcon },
    ],
  },
  {
    title: "Settings",
    items: [
      { href: "/sync", label: "Sync", icon: ActivityIcon },
      { href: "/errors", label: "Errors", icon: CircleAlertIcon, badge: "push-errors" },
      { href: "/settings/salesforce", label: "Salesforce", icon: CloudIcon, adminOnly: true },
      { href: "/settings/mapping", label: "Field mapping", icon: ArrowLeftRightIcon, adminOnly: true },
      { href: "/settings/team", label: "Team", icon: UsersRoundIcon, adminOnly: true },
    ],
  },
];
