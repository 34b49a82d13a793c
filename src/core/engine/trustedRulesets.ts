/**
 * Built-in rulesets are validated by Spectral when they are built (scripts/build-rulesets.js), so
 * the single-file CLI does not validate them again on every run: compiling Spectral's ruleset
 * schema and every function's options schema cost more than linting a small document. The
 * bundle's copy of Spectral's `assertValidRuleset` skips a definition whose `rules` object is
 * registered here (`rules`, because Spectral validates a shallow copy of a definition that
 * extends others). Every other ruleset, a user's config included, is validated as usual.
 */
const REGISTRY = Symbol.for('apistyle.validated-ruleset-rules');

function registry(): WeakSet<object> {
  const holder = globalThis as { [REGISTRY]?: WeakSet<object> };
  holder[REGISTRY] ??= new WeakSet();
  return holder[REGISTRY];
}

export function markValidated(definition: unknown): void {
  const rules = typeof definition === 'object' && definition !== null ? (definition as { rules?: unknown }).rules : undefined;
  if (typeof rules === 'object' && rules !== null) registry().add(rules);
}

/** The code the bundler appends to Spectral's `assertions.js` (a CommonJS module) to honour the registry. */
export const ASSERTION_PATCH = `
;(() => {
  const validate = exports.assertValidRuleset;
  if (typeof validate !== 'function') throw new Error('apistyle bundle: Spectral no longer exports assertValidRuleset');
  const REGISTRY = Symbol.for('apistyle.validated-ruleset-rules');
  exports.assertValidRuleset = function assertValidRuleset(ruleset, ...rest) {
    const validated = globalThis[REGISTRY];
    if (validated !== undefined && typeof ruleset === 'object' && ruleset !== null && validated.has(ruleset.rules)) return;
    return validate(ruleset, ...rest);
  };
})();
`;
