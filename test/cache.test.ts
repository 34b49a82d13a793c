// The result cache: an unchanged document is not linted again; a change to it, to a file it
// `$ref`s, or to the ruleset makes it linted afresh; results equal a plain run.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { markCache as markCacheFile, readCacheHeader, readsOf, tracingReadsOf } from './helpers/cacheFile.js';
import { CLEAN, runCli, tempProject } from './helpers/cli.js';

const WITH_REF = CLEAN.replace(
  "        '200':\n          description: The customer.",
  "        '200':\n          $ref: './responses.yaml#/Customer'",
);
const RESPONSES = 'Customer:\n  description: The customer.\n';

const markCache = (dir: string): void => markCacheFile(join(dir, '.apistylecache'));

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
    assert.doesNotMatch(
      (await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir })).stdout,
      /FROM CACHE/,
      "a changed $ref'd file",
    );
    markCache(dir);
    writeFileSync(join(dir, 'api.yaml'), `${WITH_REF.replace('https://', 'http://')}\n`);
    assert.doesNotMatch(
      (await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir })).stdout,
      /FROM CACHE/,
      'a changed document',
    );
    markCache(dir);
    assert.doesNotMatch(
      (await runCli(['lint', 'api.yaml', '-f', 'json', '--cache', '-r', 'psa'], { cwd: dir })).stdout,
      /FROM CACHE/,
      'another ruleset',
    );
  });

  it('--cache-location names the file, and a corrupt cache is ignored', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN, 'cache/x.json': '{not json' });
    const run = await runCli(['lint', 'api.yaml', '--cache', '--cache-location', 'cache/x.json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readCacheHeader(join(dir, 'cache/x.json')).format, 4);
  });

  it('documents under different configs share one cache file, each entry under its own config', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': 'extends: [recommended]\n',
      'a.yaml': CLEAN.replace('https://', 'http://'),
      'team/apistyle.config.yaml': 'extends: [psa]\n',
      'team/b.yaml': CLEAN.replace('https://', 'http://'),
    });
    const args = ['lint', 'a.yaml', 'team/b.yaml', '-f', 'json', '--cache'];
    const plain = JSON.parse((await runCli(args, { cwd: dir })).stdout) as Array<{ source: string; code: string }>;
    assert.ok(plain.some((f) => f.source.endsWith('b.yaml') && f.code.startsWith('psa-')));
    assert.ok(plain.every((f) => !f.source.endsWith('a.yaml') || f.code.startsWith('recommended-')));
    markCache(dir);
    const cached = JSON.parse((await runCli(args, { cwd: dir })).stdout) as Array<{ message: string }>;
    assert.equal(cached.length, plain.length);
    assert.ok(
      cached.every((f) => f.message.startsWith('FROM CACHE')),
      'both answered from the cache',
    );
    // A change to the team's config invalidates its documents only.
    writeFileSync(join(dir, 'team/apistyle.config.yaml'), 'extends: [psa]\nrules:\n  psa-server-https: "off"\n');
    const after = JSON.parse((await runCli(args, { cwd: dir })).stdout) as Array<{ source: string; message: string }>;
    assert.ok(after.filter((f) => f.source.endsWith('a.yaml')).every((f) => f.message.startsWith('FROM CACHE')));
    assert.ok(after.filter((f) => f.source.endsWith('b.yaml')).every((f) => !f.message.startsWith('FROM CACHE')));
  });

  it("answers a partly changed run from the cache for the unchanged documents only, with a plain run's output", async () => {
    const dir = tempProject({
      'a.yaml': CLEAN.replace('https://', 'http://'),
      'b.yaml': CLEAN.replace('/customers/{id}', '/customer/{id}'),
    });
    await runCli(['lint', 'a.yaml', 'b.yaml', '-f', 'json', '--cache'], { cwd: dir });
    writeFileSync(join(dir, 'b.yaml'), CLEAN.replace('/customers/{id}', '/client/{id}'));
    markCache(dir);
    const partial = await runCli(['lint', 'a.yaml', 'b.yaml', '-f', 'json', '--cache'], { cwd: dir });
    const findings = JSON.parse(partial.stdout) as Array<{ source: string; message: string }>;
    assert.ok(
      findings.filter((f) => f.source.endsWith('a.yaml')).every((f) => f.message.startsWith('FROM CACHE')),
      'a.yaml from the cache',
    );
    assert.ok(
      findings.some((f) => f.source.endsWith('b.yaml')) &&
        findings.filter((f) => f.source.endsWith('b.yaml')).every((f) => !f.message.startsWith('FROM CACHE')),
      'b.yaml linted',
    );
    const plain = await runCli(['lint', 'a.yaml', 'b.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(partial.stdout.replaceAll('FROM CACHE ', ''), plain.stdout);
  });

  it('gives every format and exit code of a plain run from cached findings', async () => {
    const ignored = CLEAN.replace('https://', 'http://').replace('servers:', 'x-lint-ignore: recommended-server-https\nservers:');
    const dir = tempProject({ 'api.yaml': ignored, 'other.yaml': CLEAN.replace('/customers/{id}', '/customer/{id}') });
    const files = ['api.yaml', 'other.yaml'];
    await runCli(['lint', ...files, '--cache'], { cwd: dir });
    assert.match(
      (await runCli(['lint', 'api.yaml', '--report-suppressed', '--cache'], { cwd: dir })).stdout,
      /recommended-server-https/,
      'the suppressed finding is kept',
    );
    for (const args of [
      ['-f', 'stylish', '--report-suppressed'],
      ['-f', 'sarif'],
      ['-f', 'json', '-q'],
      ['-F', 'warn'],
      ['-F', 'error', 'other.yaml'],
    ]) {
      const named = args.includes('other.yaml') ? [] : files;
      const plain = await runCli(['lint', ...named, ...args], { cwd: dir });
      const warm = await runCli(['lint', ...named, ...args, '--cache'], { cwd: dir });
      assert.equal(warm.stdout, plain.stdout, args.join(' '));
      assert.equal(warm.code, plain.code, args.join(' '));
    }
  });

  it('--cache-strategy metadata trusts a file whose size, times and inode are unchanged without reading it, and sees a same-size edit with its times put back', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN.replace('https://', 'http://') });
    const file = join(dir, 'api.yaml');
    // A file changed in the last two seconds is hashed on every run (its times cannot vouch for it
    // yet). Setting its modification time into the past would not do: the change time, which
    // utimes sets to now, counts too. So the test waits the window out.
    await new Promise((done) => setTimeout(done, 2100));
    const cold = await runCli(['lint', 'api.yaml', '--cache'], { cwd: dir, env: tracingReadsOf(file) });
    assert.ok(readsOf(cold.stderr, file) > 0, `the tracer sees the cold run read the document:\n${cold.stderr}`);
    assert.ok(
      Object.values(readCacheHeader(join(dir, '.apistylecache')).entries).every((entry) => entry.stamp !== undefined),
      'the stamp is recorded',
    );
    markCache(dir);
    const warm = await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir, env: tracingReadsOf(file) });
    assert.match(warm.stdout, /FROM CACHE/);
    assert.match(warm.stderr, /^TRACING READS \(main thread\)$/m);
    assert.equal(readsOf(warm.stderr, file), 0, `the stamp answered for the document, which was not read:\n${warm.stderr}`);
    // The same hit by content hashes the file: the tracer would have seen a read above.
    const hashed = await runCli(['lint', 'api.yaml', '-f', 'json', '--cache', '--cache-strategy', 'content'], {
      cwd: dir,
      env: tracingReadsOf(file),
    });
    assert.match(hashed.stdout, /FROM CACHE/);
    assert.ok(readsOf(hashed.stderr, file) > 0, hashed.stderr);

    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('http://', 'hxxp://'));
    utimesSync(file, atime, mtime);
    const edited = await runCli(['lint', 'api.yaml', '-f', 'json', '--cache'], { cwd: dir });
    assert.doesNotMatch(edited.stdout, /FROM CACHE/);
  });

  it('--cache-strategy content hashes every file; a touched but unchanged file is still a hit', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN.replace('https://', 'http://') });
    await runCli(['lint', 'api.yaml', '--cache', '--cache-strategy', 'content'], { cwd: dir });
    markCache(dir);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'api.yaml'), later, later);
    for (const strategy of ['content', 'metadata']) {
      assert.match(
        (await runCli(['lint', 'api.yaml', '-f', 'json', '--cache', '--cache-strategy', strategy], { cwd: dir })).stdout,
        /FROM CACHE/,
        strategy,
      );
    }
    assert.equal((await runCli(['lint', 'api.yaml', '--cache-strategy', 'size'], { cwd: dir })).code, 2);
  });

  it('a config broken after a cached run is reported, not hidden by the cache', async () => {
    const dir = tempProject({ 'api.yaml': CLEAN, 'apistyle.config.yaml': 'extends: [recommended]\n' });
    assert.equal((await runCli(['lint', 'api.yaml', '-r', 'recommended', '--cache'], { cwd: dir })).code, 0);
    writeFileSync(join(dir, 'apistyle.config.yaml'), 'extends: [recommended]\nfiels: []\n');
    const broken = await runCli(['lint', 'api.yaml', '-r', 'recommended', '--cache'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /apistyle\.config\.yaml.*unknown key "fiels"/);
  });
});
