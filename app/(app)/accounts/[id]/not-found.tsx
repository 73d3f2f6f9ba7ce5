import { RecordNotFound } from "@/components/records/record-not-found";

export default function AccountNotFound() {
  return <RecordNotFound noun="account" listHref="/accounts" listLabel="Accounts" />;
}
