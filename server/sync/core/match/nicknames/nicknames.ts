/**
 * Nicknames and the given names they stand for: "bill" and "william", "peggy" and "margaret",
 * "jon" and "john". Built once from the public nicknames dataset (names-csv.ts).
 */
import { NICKNAMES_CSV } from "./names-csv";

let groups: Map<string, string[]> | null = null;

/** name → the formal names it belongs to (itself included). */
function nicknameGroups(): Map<string, string[]> {
  if (groups) return groups;
  const built = new Map<string, Set<string>>();
  const add = (name: string, formal: string) => {
    const set = built.get(name) ?? new Set<string>();
    set.add(formal);
    built.set(name, set);
  };
  for (const line of NICKNAMES_CSV.split("\n")) {
    const [formal, relation, nickname] = line.split(",");
    if (!formal || !nickname || relation !== "has_nickname") continue;
    add(formal, formal);
    add(nickname, formal);
  }
  groups = new Map([...built].map(([name, set]) => [name, [...set].sort()]));
  return groups;
}

/**
 * The formal given names a (folded) first name may stand for: "bill" → ["william"], "william" →
 * ["william"]; a name the dataset does not know stands for itself.
 */
export function formalNamesOf(firstName: string): readonly string[] {
  return nicknameGroups().get(firstName) ?? [firstName];
}

/** Whether two different first names are nicknames of one given name (Bill/William, Peggy/Margaret). */
export function areNicknames(a: string, b: string): boolean {
  if (!a || !b || a === b) return false;
  const left = formalNamesOf(a);
  const right = formalNamesOf(b);
  return left.some((name) => right.includes(name));
}
