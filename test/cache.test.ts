// The result cache: an unchanged document is not linted again; a change to it, to a file it
// `$ref`s, or to the ruleset makes it linted afresh; results equal a plain run.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN, runCli, tempProject } from './helpers/cli.js';

const WITH_REF = CLEAN.replace("        '200':\n          description: The customer.", "        '200':\n          $ref: './responses.yaml#/Customer'");
const RESPONSES = 'Customer:\n  description: The customer.\n';

/** Marks every cached finding so that a reused one can be told from a fresh one. */
function markCache(dir: string): void {
  const file = join(dir, '.apistylecache');
  // Stored findings are arrays: [code, message, ...].
  const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { findings: Array<[string, string, ...unknown[]]> }> };
  for (const entry of Object.values(cache.entries)) for (const finding of entry.findings) finding[1] = `FROM CACHE ${finding[1]}`;
  writeFileSync(file, JSON.stringify(cache));
}

describe('--cache', () => {
  it('gives the same findings as a plain run, then reuses them while nothing changes', async () => {
    const dir = tempProject({ 'api.yaml': WITH_REF.replace('https://', 'http://'), 'responses.yaml': RESPONSES });
    const plain = await runCli(['lint', 'api.yaml', '-f', 'json'], { cwd: dir });
    const cold = await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir });
    assert.equal(cold.stdout, plain.stdout);
    assert.equal(cold.code, plain.code);
    markCache(dir);
    const warm = await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir });
    assert.match(warm.stdout, /FROM CACHE/);
    assert.equal(warm.code, 1);
  });

  it('lints again when the document, a file it $refs, or the ruleset changes', async () => {
    const dir = tempProject({ 'api.yaml': WITH_REF.replace('https://', 'http://'), 'responses.yaml': RESPONSES });
    await runCli(['lint', 'api.yaml', '--cache'], { cwd: dir });
    markCache(dir);
    writeFileSync(join(dir, 'responses.yaml'), 'Customer:\n  description: The customer, changed.\n');
    assert.doesNotMatch((await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir })).stdout, /FROM CACHE/, "a changed $ref'd file");
    markCache(dir);
    writeFileSync(join(dir, 'api.yaml'), `${WITH_REF.replace('https://', 'http://')}\n`);
    assert.doesNotMatch((await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir })).stdout, /FROM CACHE/, 'a changed document');
    markCache(dir);
    assert.doesNotMatch((await runCli(['lint', 'api.yaml', '-f', 'json', '--cache', '-r', 'psa'], { cwd: dir })).stdout, /FROM CACHE/, 'another ruleset');
  });

  it('--cache-location names the file, and a corrupt cache is ignored', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN, 'cache/x.json': '{not json' });
    const run = await runCli(['lint', 'api.yaml', '--cache', '--cache-location', 'cache/x.json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(readFileSync(join(dir, 'cache/x.json'), 'utf8')) as { format: number }).format, 2);
  });
});
