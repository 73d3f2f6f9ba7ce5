import { ExternalLinkIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

/** Opens the record in Salesforce Lightning, in a new tab. Nothing when it has no link. */
export function SalesforceIconLink({
  href,
  name,
  revealOnHover = false,
}: {
  href: string | null;
  name: string;
  revealOnHover?: boolean;
}) {
  if (!href) return null;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open ${name} in Salesforce`}
          className={cn(
            "inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-[color,background-color,opacity] hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
            // In a table row it appears on hover where there is a pointer to hover with.
            revealOnHover &&
              "[@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover/row:opacity-100 [@media(hover:hover)]:focus-visible:opacity-100",
          )}
        >
          <ExternalLinkIcon className="size-3.5" aria-hidden="true" />
        </a>
      </TooltipTrigger>
      <TooltipContent>Open in Salesforce</TooltipContent>
    </Tooltip>
  );
}

/** The profile header's button form of the same link. */
export function SalesforceButtonLink({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} target="_blank" rel="noopener noreferrer">
        Open in Salesforce <ExternalLinkIcon />
      </a>
    </Button>
  );
}
