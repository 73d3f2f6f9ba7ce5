import { Button } from "@/components/ui/button";
import { Field, FieldControl, FieldDescription, FieldLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

/** Asks for the setup token; submitting reloads /setup?token=…, which checks it. */
export function SetupTokenForm({ wrong }: { wrong: boolean }) {
  return (
    <form method="get" action="/setup" className="grid gap-5">
      <FormMessage>
        {wrong ? "That setup token does not match. Copy it again from the server log and paste it here." : null}
      </FormMessage>
      <Field>
        <FieldLabel>Setup token</FieldLabel>
        <FieldControl>
          <Input name="token" autoComplete="off" spellCheck={false} required autoFocus />
        </FieldControl>
        <FieldDescription>
          The server prints it in its log when it starts without an admin, next to a link to this page. If you set
          TANDEM_SETUP_TOKEN, use that value.
        </FieldDescription>
      </Field>
      <Button type="submit" size="lg" className="w-full">
        Continue
      </Button>
    </form>
  );
}
