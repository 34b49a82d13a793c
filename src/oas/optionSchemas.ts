// The option schemas rule functions share, written once: a ruleset's status codes, methods and
// extension names are checked the same way whichever rule takes them.
import type { JSONSchema7 } from 'json-schema';
import { HTTP_METHODS } from './document.js';

/** A status code or a range of them: `404`, `4XX`. */
export const STATUS_CODE: JSONSchema7 = { type: 'string', pattern: '^[1-5](?:\\d\\d|XX)$' };

/** A status code, a range of them, or `default`. */
export const STATUS_CODE_OR_DEFAULT: JSONSchema7 = { type: 'string', pattern: '^(?:[1-5](?:\\d\\d|XX)|default)$' };

/** One status code: `304`. */
export const EXACT_STATUS_CODE: JSONSchema7 = { type: 'string', pattern: '^[1-5]\\d\\d$' };

/** An HTTP method as OpenAPI writes it: `get`. */
export const HTTP_METHOD: JSONSchema7 = { enum: [...HTTP_METHODS] };

/** A specification extension's name: `x-rate-limit`. */
export const EXTENSION_NAME: JSONSchema7 = { type: 'string', pattern: '^x-' };
