/**
 * The exports of a CommonJS package loaded with `import()`. Node lists its named exports beside
 * `default`; a bundler gives only `default` (the `module.exports` object), as the ES module rules
 * say. Reading `default` first works in both.
 */
export function commonJsExports<T>(namespace: T): T {
  const fallback = (namespace as { default?: unknown }).default;
  return typeof fallback === 'object' && fallback !== null ? (fallback as T) : namespace;
}
