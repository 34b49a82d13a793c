// The output formats by name, and each one loaded only when a run asks for it.
import type { Formatter } from './types.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github-actions', 'gitlab', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const LOADERS: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  'github-actions': async () => (await import('./githubActions.js')).githubActions,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html/index.js')).html,
};

/** The formatter for `name`; the HTML report's charts and the SARIF writer are not loaded by a run that prints JSON. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]();
}
