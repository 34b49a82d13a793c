/** Word lists the standards name, shared by the functions that use them as option defaults. */

/** Verbs of the CRUD family, which the HTTP method already carries. */
export const CRUD_VERBS = [
  'get', 'create', 'update', 'delete', 'remove', 'add', 'list', 'fetch', 'set', 'save',
  'modify', 'insert', 'retrieve', 'edit', 'put', 'post', 'patch',
];

/** Actions that are not CRUD: tolerated as a trailing "controller" segment on a POST. */
export const ACTION_VERBS = [
  'activate', 'deactivate', 'approve', 'reject', 'cancel', 'promote', 'demote', 'archive', 'unarchive',
  'publish', 'unpublish', 'submit', 'validate', 'verify', 'confirm', 'enable', 'disable', 'lock', 'unlock',
  'send', 'resend', 'reset', 'restore', 'refresh', 'revoke', 'close', 'reopen', 'open', 'start', 'stop',
  'pause', 'resume', 'retry', 'execute', 'run', 'import', 'export', 'merge', 'split', 'assign', 'unassign',
  'transfer', 'complete', 'process', 'calculate', 'convert', 'duplicate', 'clone', 'copy', 'move', 'login',
  'logout', 'register', 'subscribe', 'unsubscribe', 'upload', 'download', 'sync', 'checkout', 'book',
];

/** Segments that name a search action, which belongs in a GET's query string. */
export const SEARCH_WORDS = ['search', 'filter', 'query', 'find', 'lookup'];

/** Nouns with no plural form (or whose plural is the same word) that pass as collection names. */
export const UNCOUNTABLE_NOUNS = ['status', 'news', 'data', 'metadata', 'information', 'equipment', 'settings'];
