/**
 * Text as the matcher compares it: lower case, accents and punctuation gone, words split on
 * anything that is not a letter or digit. "  O'Brien-Smith, Zoë " → "obrien smith zoe". Pure.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cased ASCII-ish words separated by single spaces; apostrophes join ("o'brien" → "obrien"). */
export function foldText(value: string | null | undefined): string {
  if (!value) return "";
  let text = value.toLowerCase();
  if (!/^[\x20-\x7e]*$/.test(text)) text = text.normalize("NFKD").replace(COMBINING_MARKS, "");
  return text
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The words of a folded text. */
export function words(folded: string): string[] {
  return folded ? folded.split(" ") : [];
}

/** Jaccard overlap of two word sets: 1 when they hold the same words. */
export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Whether two strings differ by at most one edit (insert, delete, substitute or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let first = -1;
    let second = -1;
    for (let i = 0; i < la; i += 1) {
      if (a[i] === b[i]) continue;
      if (first === -1) first = i;
      else if (second === -1) second = i;
      else return false;
    }
    if (second === -1) return true;
    return second === first + 1 && a[first] === b[second] && a[second] === b[first];
  }
  const [short, long] = la < lb ? [a, b] : [b, a];
  let i = 0;
  let j = 0;
  let skipped = false;
  while (i < short.length && j < long.length) {
    if (short[i] === long[j]) {
      i += 1;
      j += 1;
    } else if (skipped) return false;
    else {
      skipped = true;
      j += 1;
    }
  }
  return true;
}
