/** Field and object metadata, shaped after the describe call's vocabulary. */
export type FieldType =
  | "id"
  | "string"
  | "email"
  | "phone"
  | "url"
  | "textarea"
  | "picklist"
  | "reference"
  | "boolean"
  | "date"
  | "datetime"
  | "double"
  | "currency"
  | "int"
  | "base64";

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  externalId: boolean;
  unique: boolean;
  custom: boolean;
  /** Computed by the org (Name on Contact/Lead, derived AccountId on Task...). */
  calculated: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  picklistValues: PicklistValue[];
  /** A restricted picklist refuses values outside its list (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  restrictedPicklist: boolean;
  precision: number;
  scale: number;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldDef[];
  /** Lower-cased field name → field. SOQL and REST resolve names case-insensitively. */
  byLowerName: Map<string, FieldDef>;
  /** Lower-cased relationship name → reference field. */
  byRelationship: Map<string, FieldDef>;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  replicateable: boolean;
  mergeable: boolean;
}

export type FieldInput = Partial<FieldDef> & { name: string; type: FieldType };

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  email: 80,
  phone: 40,
  url: 255,
  textarea: 32000,
  picklist: 255,
};

export function field(input: FieldInput): FieldDef {
  const isSystem = input.type === "id";
  return {
    label: input.label ?? labelFromName(input.name),
    length: input.length ?? DEFAULT_LENGTH[input.type] ?? 0,
    nillable: input.nillable ?? (!isSystem && input.type !== "boolean"),
    createable: input.createable ?? !isSystem,
    updateable: input.updateable ?? !isSystem,
    defaultedOnCreate: input.defaultedOnCreate ?? input.type === "boolean",
    externalId: input.externalId ?? false,
    unique: input.unique ?? false,
    custom: input.custom ?? input.name.endsWith("__c"),
    calculated: input.calculated ?? false,
    referenceTo: input.referenceTo ?? [],
    relationshipName: input.relationshipName ?? null,
    picklistValues: input.picklistValues ?? [],
    restrictedPicklist: input.restrictedPicklist ?? false,
    precision: input.precision ?? (input.type === "currency" || input.type === "double" ? 18 : 0),
    scale: input.scale ?? (input.type === "currency" || input.type === "double" ? 2 : 0),
    ...input,
  };
}

export function picklist(values: string[], defaultValue?: string): PicklistValue[] {
  return values.map((v) => ({ value: v, label: v, active: true, defaultValue: v === defaultValue }));
}

function labelFromName(name: string): string {
  const base = name.replace(/__c$/, "").replace(/Id$/, " ID").replace(/_/g, " ");
  return base.replace(/([a-z])([A-Z])/g, "$1 $2").trim();
}

export function objectDef(
  name: string,
  keyPrefix: string,
  fields: FieldDef[],
  flags: Partial<
    Pick<ObjectDef, "label" | "labelPlural" | "createable" | "updateable" | "deletable" | "replicateable" | "mergeable">
  > = {},
): ObjectDef {
  const def: ObjectDef = {
    name,
    label: flags.label ?? name,
    labelPlural: flags.labelPlural ?? `${flags.label ?? name}s`,
    keyPrefix,
    fields,
    byLowerName: new Map(),
    byRelationship: new Map(),
    createable: flags.createable ?? true,
    updateable: flags.updateable ?? true,
    deletable: flags.deletable ?? true,
    queryable: true,
    replicateable: flags.replicateable ?? true,
    mergeable: flags.mergeable ?? false,
  };
  indexFields(def);
  return def;
}

export function indexFields(def: ObjectDef): void {
  def.byLowerName.clear();
  def.byRelationship.clear();
  for (const f of def.fields) {
    def.byLowerName.set(f.name.toLowerCase(), f);
    if (f.relationshipName) def.byRelationship.set(f.relationshipName.toLowerCase(), f);
  }
}

/** The fields every object has, in the order describe lists them. */
export function systemFields(opts: { owner: boolean; master: boolean }): FieldDef[] {
  const sys = { createable: false, updateable: false, nillable: false, defaultedOnCreate: true };
  const fields: FieldDef[] = [
    field({ name: "Id", type: "id", label: "Record ID", nillable: false, defaultedOnCreate: true }),
    field({ name: "IsDeleted", type: "boolean", label: "Deleted", ...sys }),
  ];
  if (opts.master) {
    fields.push(
      field({
        name: "MasterRecordId",
        type: "reference",
        label: "Master Record ID",
        createable: false,
        updateable: false,
        referenceTo: [],
        relationshipName: "MasterRecord",
      }),
    );
  }
  if (opts.owner) {
    fields.push(
      field({
        name: "OwnerId",
        type: "reference",
        label: "Owner ID",
        nillable: false,
        defaultedOnCreate: true,
        referenceTo: ["User"],
        relationshipName: "Owner",
      }),
    );
  }
  fields.push(
    field({ name: "CreatedDate", type: "datetime", label: "Created Date", ...sys }),
    field({
      name: "CreatedById",
      type: "reference",
      label: "Created By ID",
      ...sys,
      referenceTo: ["User"],
      relationshipName: "CreatedBy",
    }),
    field({ name: "LastModifiedDate", type: "datetime", label: "Last Modified Date", ...sys }),
    field({
      name: "LastModifiedById",
      type: "reference",
      label: "Last Modified By ID",
      ...sys,
      referenceTo: ["User"],
      relationshipName: "LastModifiedBy",
    }),
    field({ name: "SystemModstamp", type: "datetime", label: "System Modstamp", ...sys }),
  );
  return fields;
}

/** Salesforce's names for the child relationships the emulated objects have. */
export function childRelationshipName(child: ObjectDef, fieldName: string): string | null {
  if (child.name === "Account" && fieldName === "ParentId") return "ChildAccounts";
  if (["AccountId", "WhoId", "WhatId", "ParentId", "LinkedEntityId", "ContentDocumentId"].includes(fieldName)) {
    return child.name === "ContentDocumentLink" ? "ContentDocumentLinks" : child.labelPlural.replace(/\s/g, "");
  }
  return null;
}
