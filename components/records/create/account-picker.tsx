"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2Icon, CheckIcon, XIcon } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { cn } from "@/components/ui/cn";
import { Field, FieldControl, FieldDescription, FieldError, FieldLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { displayDomain } from "../format";

/** The company of a new person: an account picked from the list, or a typed company name. */
export type TCompanyChoice = { text: string; account: { id: string; name: string } | null };

const SEARCH_DELAY_MS = 200;

/**
 * A combobox: typing searches the accounts whose name starts with the text; picking one links the
 * person to it, and keeping the typed text lets Tandem find the account (by email domain or name)
 * or create it. Arrow keys move through the list, Enter picks, Escape closes.
 */
export function AccountPicker({
  value,
  onChange,
  errors,
  label = "Company",
}: {
  value: TCompanyChoice;
  onChange: (value: TCompanyChoice) => void;
  errors?: string[];
  label?: string;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [query, setQuery] = useState(value.text);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(value.text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value.text]);
  const search = useQuery({
    ...trpc.crm.accounts.search.queryOptions({ query }),
    enabled: open && value.account === null,
    placeholderData: keepPreviousData,
  });
  const accounts = search.data?.accounts ?? [];
  const expanded = open && value.account === null && (accounts.length > 0 || search.data?.hidden === true);

  function pick(account: { id: string; name: string }) {
    onChange({ text: account.name, account });
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (accounts.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + accounts.length) % accounts.length);
    } else if (event.key === "Enter" && expanded && active >= 0 && accounts[active]) {
      // Picks the highlighted account instead of submitting the form.
      event.preventDefault();
      pick(accounts[active]);
    } else if (event.key === "Escape" && expanded) {
      // The dialog leaves Escape to an open list (see NewPersonDialog).
      setOpen(false);
    }
  }

  return (
    <Field className="sm:col-span-2">
      <FieldLabel>{label}</FieldLabel>
      <div className="relative">
        <FieldControl>
          <Input
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            placeholder="Search accounts or type a company name"
            value={value.text}
            className={cn(value.account && "pr-28")}
            onChange={(event) => {
              onChange({ text: event.target.value, account: null });
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </FieldControl>
        {value.account ? (
          <div className="absolute inset-y-0 right-1.5 flex items-center gap-1">
            <span className="inline-flex items-center gap-1 rounded-sm bg-primary/10 px-1.5 py-0.5 text-xs font-medium text-primary">
              <Building2Icon aria-hidden="true" className="size-3" /> Account
            </span>
            <button
              type="button"
              onClick={() => onChange({ text: "", account: null })}
              className="rounded-sm p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <XIcon aria-hidden="true" className="size-3.5" />
              <span className="sr-only">Clear the account {value.account.name}</span>
            </button>
          </div>
        ) : search.isFetching && open ? (
          <Spinner label="Searching accounts" className="absolute top-2.5 right-2.5 text-muted-foreground" />
        ) : null}
        <ul
          id={listId}
          role="listbox"
          aria-label="Accounts"
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-60 overflow-y-auto rounded-lg border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {search.data?.hidden ? (
            <li role="option" aria-selected={false} aria-disabled className="px-2 py-1.5 text-sm text-muted-foreground">
              Accounts are hidden from view in this workspace; type the company name.
            </li>
          ) : (
            accounts.map((account, index) => (
              <li
                key={account.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // Keeps focus in the input, so the list does not close before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(account)}
                onMouseMove={() => setActive(index)}
                className={cn(
                  "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                  index === active && "bg-accent text-accent-foreground",
                )}
              >
                <Building2Icon aria-hidden="true" className="size-3.5 shrink-0 text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">{account.name}</span>
                <span className="hidden shrink-0 truncate text-xs text-muted-foreground sm:inline">
                  {[account.website ? displayDomain(account.website) : null, account.city].filter(Boolean).join(" · ")}
                </span>
                {index === active ? <CheckIcon aria-hidden="true" className="size-3.5 shrink-0" /> : null}
              </li>
            ))
          )}
        </ul>
      </div>
      <FieldDescription>
        {value.account
          ? `Linked to the account ${value.account.name}.`
          : "Pick an account, or keep the name you typed: Tandem finds its account by email domain or name, or creates one."}
      </FieldDescription>
      <FieldError errors={errors} />
    </Field>
  );
}
