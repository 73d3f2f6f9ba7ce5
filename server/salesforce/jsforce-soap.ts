import type { Connection } from "jsforce";
import { z } from "zod";
import { SalesforceError } from "@/server/errors";
import { refuseMerge } from "./merge-request";
import type { SalesforcePort, TConvertLeadRequest, TMergeRequest } from "./port";
import { toSalesforceError, withTimeout } from "./salesforce-errors";

const ZSoapErrorSchema = z.looseObject({
  statusCode: z.string().default("UNKNOWN_EXCEPTION"),
  message: z.string().default(""),
});
const ZMergeResultSchema = z.looseObject({
  success: z.boolean(),
  mergedRecordIds: z.array(z.string()).default([]),
  updatedRelatedIds: z.array(z.string()).default([]),
  errors: z.array(ZSoapErrorSchema).default([]),
});
const ZConvertResultSchema = z.looseObject({
  success: z.boolean(),
  accountId: z.string().nullish(),
  contactId: z.string().nullish(),
  errors: z.array(ZSoapErrorSchema).default([]),
});
const ZLeadStatusPageSchema = z.object({
  records: z.array(z.looseObject({ MasterLabel: z.string().nullish() })),
});

const CONVERTED_STATUS_SOQL = "SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1";

/** SOAP faults carry a namespaced code (`sf:INVALID_SESSION_ID`); the classification table has it bare. */
function toSoapError(error: unknown): SalesforceError {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  if (typeof code !== "string" || !code.includes(":")) return toSalesforceError(error);
  const classified = toSalesforceError({
    errorCode: code.slice(code.indexOf(":") + 1),
    message: error instanceof Error ? error.message : "no message",
  });
  return new SalesforceError(
    {
      salesforceCode: classified.salesforceCode,
      retryable: classified.retryable,
      connectionBroken: classified.connectionBroken,
      message: classified.message,
    },
    { cause: error },
  );
}

/** A per-record SOAP result's first error, classified like any other. */
function resultError(errors: ReadonlyArray<{ statusCode: string; message: string }>): SalesforceError {
  const first = errors[0];
  return toSalesforceError({
    errorCode: first?.statusCode ?? "UNKNOWN_EXCEPTION",
    message: first?.message || "Salesforce gave no reason",
  });
}

function refusal(code: string, message: string): SalesforceError {
  return new SalesforceError({ salesforceCode: code, retryable: false, connectionBroken: false, message });
}

/** The masterRecord element, in the partner WSDL's order: type, fieldsToNull, Id, then values. */
function masterRecord(request: TMergeRequest) {
  const fieldsToNull: string[] = [];
  const values: Record<string, string | number | boolean> = {};
  for (const [field, value] of Object.entries(request.masterValues ?? {})) {
    if (value === undefined) continue;
    if (value === null) fieldsToNull.push(field);
    else values[field] = value as string | number | boolean;
  }
  return {
    type: request.object,
    ...(fieldsToNull.length > 0 ? { fieldsToNull } : {}),
    Id: request.masterId,
    ...values,
  };
}

/**
 * The port's SOAP calls, through jsforce's own SoapApi (`connection.soap`): it posts to
 * `/services/Soap/u/<version>` with the session in the SessionHeader, and refreshes an expired
 * session and replays the call as REST calls do (on the `sf:INVALID_SESSION_ID` fault).
 */
export function createSoapCalls(
  connection: Connection,
  options: { timeoutMs: number },
): Pick<SalesforcePort, "mergeRecords" | "convertLead"> {
  let convertedStatus: Promise<string | null> | null = null;

  async function soap<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(run(), options.timeoutMs);
    } catch (error) {
      throw toSoapError(error);
    }
  }

  /** The org's first converted lead status, asked once per port. */
  function findConvertedStatus(): Promise<string | null> {
    convertedStatus ??= (async () => {
      const url = `/services/data/v${connection.version}/query?q=${encodeURIComponent(CONVERTED_STATUS_SOQL)}`;
      const page = ZLeadStatusPageSchema.parse(await connection.request({ method: "GET", url }));
      return page.records[0]?.MasterLabel ?? null;
    })().catch((error: unknown) => {
      convertedStatus = null;
      throw toSalesforceError(error);
    });
    return convertedStatus;
  }

  return {
    async mergeRecords(request) {
      const refused = refuseMerge(request);
      if (refused) return { ok: false, error: refusal(refused.code, refused.message) };
      const result = ZMergeResultSchema.parse(
        await soap(() =>
          connection.soap.merge({ masterRecord: masterRecord(request), recordToMergeIds: [...request.mergeIds] }),
        ),
      );
      if (!result.success) return { ok: false, error: resultError(result.errors) };
      return { ok: true, mergedIds: result.mergedRecordIds, updatedRelatedIds: result.updatedRelatedIds };
    },

    async convertLead(request: TConvertLeadRequest) {
      const status = request.convertedStatus ?? (await findConvertedStatus());
      if (!status) {
        const message =
          "The org has no converted lead status (LeadStatus with IsConverted). An admin adds one to the Lead Status picklist in Salesforce Setup.";
        return { ok: false, error: refusal("NO_CONVERTED_LEAD_STATUS", message) };
      }
      const result = ZConvertResultSchema.parse(
        await soap(() =>
          connection.soap.convertLead({
            accountId: request.accountId,
            contactId: request.contactId,
            convertedStatus: status,
            doNotCreateOpportunity: true,
            leadId: request.leadId,
          }),
        ),
      );
      if (!result.success) return { ok: false, error: resultError(result.errors) };
      return {
        ok: true,
        contactId: result.contactId ?? request.contactId,
        accountId: result.accountId ?? request.accountId,
      };
    },
  };
}
