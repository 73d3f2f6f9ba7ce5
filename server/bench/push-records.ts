/** The records the push benchmark sends (push-once.ts), the same for Tandem and bare jsforce. */
export const PEOPLE_PER_ACCOUNT = 5;

/** People with an email each, and one account per five of them. */
export function benchRecords(people: number) {
  const accounts = Math.ceil(people / PEOPLE_PER_ACCOUNT);
  return {
    accounts: Array.from({ length: accounts }, (_, i) => ({
      name: `Bench Account ${i + 1}`,
      website: `https://account-${i + 1}.example.com`,
    })),
    people: Array.from({ length: people }, (_, i) => ({
      firstName: `Bench${i + 1}`,
      lastName: `Person ${i + 1}`,
      email: `person-${i + 1}@account-${Math.floor(i / PEOPLE_PER_ACCOUNT) + 1}.example.com`,
      account: Math.floor(i / PEOPLE_PER_ACCOUNT),
    })),
  };
}
