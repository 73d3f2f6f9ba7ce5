import { RecordNotFound } from "@/components/records/record-not-found";

export default function PersonNotFound() {
  return <RecordNotFound noun="person" listHref="/people" listLabel="People" />;
}
