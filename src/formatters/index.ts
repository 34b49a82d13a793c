import { githubActions } from './githubActions.js';
import { gitlab } from './gitlab.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS = {
  stylish,
  json,
  sarif,
  junit,
  'github-actions': githubActions,
  gitlab,
  markdown,
  html,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
export type { FormatContext, Formatter } from './types.js';
