import type { FixProvider } from './types.js';

/** Array query parameters sent comma-separated: 3.x `style: form` with `explode: false`, 2.0 `collectionFormat: csv`. */
export const commaSeparatedArray: FixProvider = (document, finding) => {
  const last = finding.path[finding.path.length - 1];
  if (last === '$ref') return undefined;
  const parameter = document.map(finding.path.slice(0, -1));
  if (parameter === undefined) return undefined;
  if (last === 'collectionFormat') {
    const edits = document.setEntries(parameter, [['collectionFormat', 'csv']]);
    return edits === undefined || edits.length === 0
      ? undefined
      : { title: 'Send the values comma-separated (collectionFormat: csv)', edits };
  }
  const edits = document.setEntries(parameter, [
    ['style', 'form'],
    ['explode', false],
  ]);
  return edits === undefined || edits.length === 0
    ? undefined
    : { title: 'Send the values comma-separated (style: form, explode: false)', edits };
};
