/**
 * Counts in words ("1 argument", "2 arguments"). The interface is English-only today, but the choice of form goes
 * through Intl.PluralRules rather than `n === 1`, so "0 arguments", "1.5 hours" and later locales come out right.
 */
const rules = new Intl.PluralRules("en");

/** The noun in the form the count needs: `pluralWord(1, "reply", "replies")` is "reply". */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === "one" ? one : other;
}

/** The count and its noun: `countOf(2, "reply", "replies")` is "2 replies". */
export function countOf(count: number, one: string, other?: string): string {
  return `${count} ${pluralWord(count, one, other)}`;
}
