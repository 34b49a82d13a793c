// `-f json` is written a document at a time from each document's rendered items (and cached ones
// are written as stored): the joined items must be exactly Spectral's JSON formatter's output,
// and reading the items back must give the findings again.
import { strict as assert } from 'node:assert';
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { DiagnosticSeverity } from '@stoplight/types';
import { json as spectralJson } from '@stoplight/spectral-formatters';
import type { Finding } from '../src/core/results/types.js';
import { jsonOutputChunks, parseJsonItems, renderJsonItems } from '../src/core/results/jsonItems.js';

const position = fc.record({ line: fc.nat(100_000), character: fc.nat(10_000) }, { noNullPrototype: true });
const finding: fc.Arbitrary<Finding> = fc.record(
  {
    code: fc.string({ minLength: 1 }),
    message: fc.string({ unit: 'grapheme' }),
    path: fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.nat()), { maxLength: 6 }),
    severity: fc.constantFrom(0, 1, 2, 3),
    range: fc.record({ start: position, end: position }),
    source: fc.string({ unit: 'grapheme', minLength: 1 }),
  },
  { noNullPrototype: true },
);

const joined = (chunks: ReadonlyArray<string | Uint8Array>): string =>
  chunks.map((chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))).join('');

describe('JSON output by document', () => {
  it("joins documents' items into exactly Spectral's JSON output, empty documents and runs included", () => {
    fc.assert(
      fc.property(fc.array(fc.array(finding, { maxLength: 4 }), { maxLength: 5 }), fc.boolean(), (documents, asBytes) => {
        const items = documents.map((findings) => (asBytes ? Buffer.from(renderJsonItems(findings)) : renderJsonItems(findings)));
        assert.equal(joined(jsonOutputChunks(items)), `${spectralJson(documents.flat(), { failSeverity: DiagnosticSeverity.Error })}\n`);
      }),
    );
  });

  it('reads rendered items back into the same findings', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 6 }), (findings) => {
        const expected = findings.map(({ code, path, message, severity, range, source }) => ({
          code,
          path,
          message,
          severity,
          range: { start: { ...range.start }, end: { ...range.end } },
          source,
        }));
        assert.deepEqual(parseJsonItems(renderJsonItems(findings)), expected);
      }),
    );
  });
});
