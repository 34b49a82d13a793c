/** A hash of everything `npm run build` reads (src, rulesets, scripts, package.json, the lock file and the tsconfigs). */
export function sourceHash(root?: string): string;
/** Where the build records the hash of what it built. */
export const RECORDED_HASH_FILE: string;
