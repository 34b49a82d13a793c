/** The words of a name written in kebab, snake, dot or camel case, lower-cased: `getCustomer-list` → get, customer, list. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.~-]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** A name compared without case, separators or OData's `$` prefix: `sort_by`, `sortBy`, `$orderby` vs `orderBy`. */
export function normalisedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\$/, '')
    .replace(/[\s_.~-]+/g, '');
}

/** True when `words` contains `phrase` (itself a list of words) as consecutive words. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

/** Words joined in lowerCamelCase: [customer, id] → customerId. */
export function toCamelCase(words: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** Words joined in PascalCase: [created, time] → CreatedTime. */
export function toPascalCase(words: readonly string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
