/**
 * Blocking: the keys under which records are compared at all. Each record gets several keys built
 * from different fields, so a true pair still meets when a typo spoils any one of them; records
 * are compared only with those sharing a key, never all pairs. A key shared by more than
 * `MAX_BLOCK` records says too little (a common surname in a city) and is passed over. Pure.
 */
import type { TFeatures } from "./features";
import { soundOf } from "./features";

export const MAX_BLOCK = 400;

export function blockingKeys(f: TFeatures): string[] {
  const keys: string[] = [];
  if (f.email) keys.push(`e:${f.email}`);
  if (f.phoneLocal) keys.push(`p:${f.phoneLocal}`);
  else if (f.phone) keys.push(`p:${f.phone}`);
  if (f.entity === "people") {
    const firstSounds = new Set(f.firstFormal.map(soundOf));
    if (f.firstSound) firstSounds.add(f.firstSound);
    if (f.lastSound) {
      // The name pair in sorted order, so swapped first and last names meet too.
      for (const first of firstSounds)
        keys.push(`n:${first < f.lastSound ? `${first}|${f.lastSound}` : `${f.lastSound}|${first}`}`);
      if (f.postcode) keys.push(`lp:${f.lastSound}|${f.postcode}`);
      if (f.birthDate) keys.push(`lb:${f.lastSound}|${f.birthDate.slice(0, 4)}`);
      if (f.company) keys.push(`lc:${f.lastSound}|${f.company}`);
      if (f.domain) keys.push(`ld:${f.lastSound}|${f.domain}`);
    }
    if (f.firstSound && f.postcode) keys.push(`fp:${f.firstSound}|${f.postcode}`);
    if (f.birthDate) {
      keys.push(`b:${f.birthDate}`);
      if (f.postcode) keys.push(`bp:${f.birthDate.slice(0, 4)}|${f.postcode}`);
    }
    if (f.streetNumber && f.streetWords.length > 0)
      keys.push(`a:${f.streetNumber}|${soundOf(f.streetWords[0]!)}|${f.postcode}`);
    if (f.emailLocal.length >= 5) keys.push(`el:${f.emailLocal}`);
    return keys;
  }
  if (f.domain) keys.push(`d:${f.domain}`);
  if (f.name) keys.push(`n:${f.name}`);
  if (f.nameWords.length > 0) {
    keys.push(`n2:${f.nameWords.slice(0, 2).map(soundOf).join("|")}`);
    for (const word of f.nameWords) if (word.length >= 4) keys.push(`w:${word}`);
    if (f.postcode) keys.push(`np:${soundOf(f.nameWords[0]!)}|${f.postcode}`);
  }
  if (f.streetNumber && f.streetWords.length > 0) keys.push(`a:${f.streetNumber}|${soundOf(f.streetWords[0]!)}`);
  return keys;
}
