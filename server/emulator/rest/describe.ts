import { childRelationshipName, type FieldDef, type FieldType, type ObjectDef } from "../org/schema";
import type { Store } from "../org/store";

const SOAP_TYPE: Record<FieldType, string> = {
  id: "tns:ID",
  reference: "tns:ID",
  string: "xsd:string",
  email: "xsd:string",
  phone: "xsd:string",
  url: "xsd:string",
  textarea: "xsd:string",
  picklist: "xsd:string",
  boolean: "xsd:boolean",
  date: "xsd:date",
  datetime: "xsd:dateTime",
  double: "xsd:double",
  currency: "xsd:double",
  int: "xsd:int",
  base64: "xsd:base64Binary",
};

function urls(version: string, name: string) {
  const base = `/services/data/v${version}/sobjects/${name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectSummary(version: string, def: ObjectDef) {
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: def.createable,
    custom: false,
    customSetting: false,
    deepCloneable: false,
    deletable: def.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: def.keyPrefix,
    label: def.label,
    labelPlural: def.labelPlural,
    layoutable: true,
    mergeable: def.mergeable,
    mruEnabled: true,
    name: def.name,
    queryable: def.queryable,
    replicateable: def.replicateable,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: def.deletable,
    updateable: def.updateable,
    urls: urls(version, def.name),
  };
}

function describeField(f: FieldDef, nameField: string) {
  const text = ["string", "email", "phone", "url", "textarea", "picklist"].includes(f.type);
  return {
    aggregatable: f.type !== "textarea" && f.type !== "base64",
    autoNumber: false,
    byteLength: text || f.type === "id" || f.type === "reference" ? f.length * 3 : 0,
    calculated: f.calculated,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: false,
    compoundFieldName: null,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === "boolean" ? false : null,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === "int" ? f.precision || 9 : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId,
    extraTypeInfo: null,
    filterable: f.type !== "textarea" && f.type !== "base64",
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.type !== "textarea" && f.type !== "base64" && f.type !== "double" && f.type !== "currency",
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: f.type === "id" || f.externalId || (f.unique && text),
    inlineHelpText: null,
    label: f.label,
    length: text ? f.length : 0,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: f.name === nameField,
    namePointing: f.referenceTo.length > 1,
    nillable: f.nillable,
    permissionable: f.nillable && !f.calculated && f.createable,
    picklistValues: f.picklistValues.map((p) => ({
      active: p.active,
      defaultValue: p.defaultValue,
      label: p.label,
      validFor: null,
      value: p.value,
    })),
    polymorphicForeignKey: f.referenceTo.length > 1,
    precision: f.type === "double" || f.type === "currency" ? f.precision : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.type === "double" || f.type === "currency" ? f.scale : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPE[f.type],
    sortable: f.type !== "textarea" && f.type !== "base64",
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}

/** The field that names a record: Name; Title on notes; Subject on activities; else Id. */
function nameFieldOf(def: ObjectDef): string {
  for (const candidate of ["Name", "Title", "Subject"])
    if (def.byLowerName.has(candidate.toLowerCase())) return candidate;
  return "Id";
}

export function describeGlobal(store: Store, version: string) {
  return {
    encoding: "UTF-8",
    maxBatchSize: 200,
    sobjects: [...store.tables.values()].map((t) => objectSummary(version, t.def)),
  };
}

/** Child relationships, found by scanning every object's lookups to this one. */
function childRelationships(store: Store, def: ObjectDef) {
  const out: unknown[] = [];
  for (const t of store.tables.values()) {
    for (const f of t.def.fields) {
      if (f.type !== "reference" || !f.referenceTo.includes(def.name) || f.calculated) continue;
      out.push({
        cascadeDelete:
          def.name === "Account" &&
          (t.def.name === "Contact" || t.def.name === "Opportunity") &&
          f.name === "AccountId",
        childSObject: t.def.name,
        deprecatedAndHidden: false,
        field: f.name,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: childRelationshipName(t.def, f.name),
        restrictedDelete: false,
      });
    }
  }
  return out;
}

export function describeObject(store: Store, version: string, def: ObjectDef) {
  return {
    ...objectSummary(version, def),
    actionOverrides: [],
    childRelationships: childRelationships(store, def),
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: def.fields.map((f) => describeField(f, nameFieldOf(def))),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    sobjectDescribeOption: "FULL",
    supportedScopes: [{ label: "All " + def.labelPlural.toLowerCase(), name: "everything" }],
    urls: {
      ...urls(version, def.name),
      compactLayouts: `/services/data/v${version}/sobjects/${def.name}/describe/compactLayouts`,
      layouts: `/services/data/v${version}/sobjects/${def.name}/describe/layouts`,
    },
  };
}

/** `GET /sobjects/T`: object summary plus a few recent items. */
export function objectInfo(store: Store, version: string, def: ObjectDef) {
  return { objectDescribe: objectSummary(version, def), recentItems: [] as unknown[] };
}
