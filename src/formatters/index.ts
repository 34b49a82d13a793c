import { githubActions } from './githubActions.js';
import { gitlab } from './gitlab.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';
import type { FormatName } from './names.js';

export const FORMATTERS = {
  stylish,
  json,
  sarif,
  junit,
  'github-actions': githubActions,
  gitlab,
  markdown,
  html,
} satisfies Record<FormatName, Formatter>;

export { FORMAT_NAMES, loadFormatter } from './names.js';
export type { FormatName } from './names.js';
export type { FormatContext, Formatter } from './types.js';
