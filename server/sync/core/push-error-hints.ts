/**
 * ERR-1: what a Salesforce rejection means and what to do about it, in plain words, naming the
 * field. Pure, so the error log page, the CLI and the record's history say the same thing.
 */
export type TPushErrorFacts = {
  code: string;
  message: string;
  fields: readonly string[];
  /** The Salesforce object, e.g. "Contact". */
  object: string;
  /** DUPLICATES_DETECTED: how many existing records matched. */
  duplicates?: number;
};

export type TPushErrorHint = {
  /** One sentence: what went wrong. */
  summary: string;
  /** What to do, naming the field. */
  fix: string;
  /** Actions the page may offer besides retry and dismiss. */
  createAnyway: boolean;
};

const fieldList = (fields: readonly string[], fallback: string) =>
  fields.length === 0
    ? fallback
    : fields.length === 1
      ? fields[0]!
      : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1)}`;

/** Salesforce's "Required fields are missing: [LastName, Company]" names the fields in the message. */
function fieldsFrom(facts: TPushErrorFacts): string[] {
  if (facts.fields.length > 0) return [...facts.fields];
  const listed = /\[([^\]]+)\]/.exec(facts.message)?.[1];
  if (listed) return listed.split(",").map((field) => field.trim());
  const leading = /^([A-Za-z ]+?): /.exec(facts.message)?.[1];
  return leading ? [leading] : [];
}

export function pushErrorHint(facts: TPushErrorFacts): TPushErrorHint {
  const fields = fieldsFrom(facts);
  const named = fieldList(fields, "a field");
  const record = facts.object;
  const hint = (summary: string, fix: string, createAnyway = false): TPushErrorHint => ({ summary, fix, createAnyway });
  switch (facts.code) {
    case "REQUIRED_FIELD_MISSING":
      return hint(
        `Salesforce requires ${named} on a ${record}, and this record has none.`,
        `Fill in ${named} on the record in Tandem and save; the push is retried by itself.`,
      );
    case "FIELD_CUSTOM_VALIDATION_EXCEPTION":
      return hint(
        `A validation rule in Salesforce refused the ${record}: “${facts.message}”`,
        fields.length > 0
          ? `Change ${named} so the rule is satisfied, and save. If the rule is wrong, ask your Salesforce admin to adjust it.`
          : "Change the record so the rule is satisfied, and save. If the rule is wrong, ask your Salesforce admin to adjust it.",
      );
    case "INVALID_EMAIL_ADDRESS":
      return hint(
        `Salesforce does not accept the email address on this ${record}.`,
        `Correct ${fieldList(fields, "Email")} (it must look like name@example.com) and save.`,
      );
    case "STRING_TOO_LONG": {
      const max = /max length=(\d+)/.exec(facts.message)?.[1];
      return hint(
        `${named} is longer than Salesforce allows${max ? ` (at most ${max} characters)` : ""}.`,
        `Shorten ${named}${max ? ` to ${max} characters or fewer` : ""} and save.`,
      );
    }
    case "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST":
      return hint(
        `${named} holds a value that is not in the picklist Salesforce allows for a ${record}.`,
        `Pick one of the allowed values for ${named} and save, or ask your Salesforce admin to add the value to the picklist.`,
      );
    case "DUPLICATES_DETECTED": {
      const count = facts.duplicates ?? 0;
      return hint(
        count > 0
          ? `A duplicate rule in Salesforce found ${count === 1 ? "an existing record" : `${count} existing records`} like this ${record}.`
          : `A duplicate rule in Salesforce says a ${record} like this already exists.`,
        "Open the existing record to check. If this really is a different one, use “Create anyway”; otherwise dismiss this error.",
        true,
      );
    }
    case "ENTITY_IS_DELETED":
      return hint(
        `The ${record} was deleted in Salesforce, so the change could not be saved.`,
        "Restore it from the Salesforce recycle bin and retry, or dismiss this error; the next pull removes it from Tandem.",
      );
    case "INSUFFICIENT_ACCESS_OR_READONLY":
    case "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY":
      return hint(
        `The connected Salesforce user may not ${record === "Task" || record === "Event" ? "write this activity" : `edit this ${record}`} (sharing or permissions).`,
        "Ask your Salesforce admin to give the connected user edit access to it (or its owner's records), then retry.",
      );
    case "INVALID_CROSS_REFERENCE_KEY":
      return hint(
        `A record this ${record} points to (${fieldList(fields, "its owner, account or person")}) does not exist in Salesforce or is not visible to the connected user.`,
        "Check that the related record still exists in Salesforce and is shared with the connected user, then retry.",
      );
    case "INVALID_FIELD_FOR_INSERT_UPDATE":
    case "INVALID_FIELD":
      return hint(
        `Salesforce does not let the connected user write ${named} on a ${record}.`,
        `Ask your Salesforce admin to make ${named} editable for the connected user (field-level security), then retry.`,
      );
    case "FIELD_REVERTED":
      return hint(
        `Salesforce changed ${named} back after Tandem wrote it (an automation, a workflow or a formatting rule), so Tandem stopped writing it on this ${record}.`,
        "Nothing is lost. To write Tandem's value once more, use it on the Enrichment page; to stop the change, look for the automation in Salesforce. Dismiss this warning to keep Salesforce's value.",
      );
    case "FIELD_MISSING":
      return hint(
        `${named} no longer exists in Salesforce (deleted or renamed after it was mapped), so Tandem skipped it.`,
        "An admin maps the Tandem field to another Salesforce field, or turns it off, in Settings → Field mapping.",
      );
    case "DUPLICATE_VALUE":
      return hint(
        `${named} must be unique in Salesforce, and another ${record} already has this value.`,
        `Change ${named}, or check the existing ${record} in Salesforce, then retry.`,
      );
    default:
      return hint(
        `Salesforce refused the ${record}: ${facts.message || facts.code}`,
        "Check the record against the message, correct it in Tandem and save; or retry once the cause in Salesforce is fixed.",
      );
  }
}
