import { isScalar } from 'yaml';
import type { FixProvider } from './types.js';

/** `http://` server URLs become `https://` (3.x `servers[].url`; a 2.0 `schemes` entry when https is not listed yet). */
export const httpsServer: FixProvider = (document, finding) => {
  const node = document.node(finding.path);
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const value = node.value;
  if (finding.path[finding.path.length - 1] === 'url') {
    if (!/^http:\/\//i.test(value)) return undefined;
    const edit = document.replaceScalar(node, value.replace(/^http:\/\//i, 'https://'));
    return edit === undefined ? undefined : { title: 'Use https in this server URL', edits: [edit] };
  }
  const list = document.node(finding.path.slice(0, -1));
  const listed =
    list !== undefined &&
    'items' in list &&
    Array.isArray(list.items) &&
    list.items.some((item: unknown) => isScalar(item) && String(item.value).toLowerCase() === 'https');
  if (value.toLowerCase() !== 'http' || listed) return undefined;
  const edit = document.replaceScalar(node, 'https');
  return edit === undefined ? undefined : { title: 'Serve over https instead of http', edits: [edit] };
};
