import type { TSampleProspectsLoad } from "@/server/prospects/sample/schemas";

const numbers = new Intl.NumberFormat("en");
const counted = (count: number, one: string, many: string) => `${numbers.format(count)} ${count === 1 ? one : many}`;

/** What the toast says after "Load sample prospects": how many were loaded, how many the CRM has. */
export function sampleLoadSummary({ people, companies }: TSampleProspectsLoad): { title: string; description: string } {
  if (people.importedRows + companies.importedRows === 0) {
    return {
      title: "The sample prospects are already loaded.",
      description: "Nothing was added twice: every row is already a prospect.",
    };
  }
  const title = `Loaded ${counted(people.importedRows, "person", "people")} and ${counted(companies.importedRows, "company", "companies")}.`;
  if (people.inCrmRows + companies.inCrmRows === 0) {
    return { title, description: "None of them is in the CRM yet; a sync marks those it finds in Salesforce." };
  }
  return {
    title,
    description: `${counted(people.inCrmRows, "person", "people")} and ${counted(companies.inCrmRows, "company", "companies")} are already in the CRM, so they are marked “In CRM” and hidden from the list.`,
  };
}
