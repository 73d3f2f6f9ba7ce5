import { RECORD_SOURCE_VALUES } from "@/server/records/record-schemas";
import { SOURCE_LABELS } from "./record-badges";

export const SOURCE_OPTIONS = RECORD_SOURCE_VALUES.map((source) => ({ value: source, label: SOURCE_LABELS[source] }));
