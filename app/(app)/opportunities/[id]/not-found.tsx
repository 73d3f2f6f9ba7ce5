import { RecordNotFound } from "@/components/records/record-not-found";

export default function OpportunityNotFound() {
  return <RecordNotFound noun="opportunity" listHref="/opportunities" listLabel="Opportunities" />;
}
