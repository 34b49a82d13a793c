import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../src/core/engine/engine.js';
import { loadRuleset, loadRulesets } from '../src/core/config/rulesets.js';
import type { Finding } from '../src/core/results/types.js';
import { exitCodeFor, EXIT_ERROR } from '../src/core/results/exitCode.js';
import { openSession } from '../src/core/session/session.js';
import { withFixFailures, writeFixed } from '../src/cli/fix.js';
import { fixText } from '../src/fixes/apply.js';
import { applyEdits, FIXES, fixFor, SourceDocument } from '../src/fixes/index.js';
import type { FixLookup } from '../src/fixes/index.js';
import { REPO_ROOT } from './helpers/cli.js';

const engines = new Map<string, Promise<Engine>>();
const dir = mkdtempSync(join(tmpdir(), 'apistyle-fixes-'));

function engineFor(ruleset: string): Promise<Engine> {
  if (!engines.has(ruleset))
    engines.set(
      ruleset,
      loadRuleset(ruleset).then((loaded) => new Engine({ ruleset: loaded, projectRoot: dir })),
    );
  return engines.get(ruleset)!;
}

function sample(ruleset: string): string {
  return readFileSync(join(REPO_ROOT, 'specs', ruleset, 'compliant.yaml'), 'utf8');
}

/** The same finding, whatever line it moved to. */
const identity = (finding: Finding) => JSON.stringify([finding.code, finding.path, finding.message]);

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the sample contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/**
 * Lints `text`, applies the fix of the finding of `code` (the first, or the one `pick` chooses),
 * lints the result, and checks that the finding is gone and that no finding appeared.
 */
async function fixAndRelint(
  ruleset: string,
  text: string,
  code: string,
  fileName = 'api.yaml',
  pick: (f: Finding) => boolean = () => true,
): Promise<{ fixed: string; title: string }> {
  const engine = await engineFor(ruleset);
  const file = join(dir, fileName);
  const before = (await engine.lintText(file, text)).findings;
  const target = before.find((finding) => finding.code === code && pick(finding));
  assert.ok(target, `a ${code} finding before the fix; got ${before.map((f) => f.code).join(', ')}`);
  const fix = fixFor(new SourceDocument(text), target);
  assert.ok(fix, `a fix for ${target.message}`);
  const fixed = applyEdits(text, fix.edits);
  const after = (await engine.lintText(file, fixed)).findings;
  const known = new Set(before.map(identity));
  assert.deepEqual(
    after.filter((finding) => !known.has(identity(finding))),
    [],
    'no new finding',
  );
  assert.ok(!after.some((finding) => identity(finding) === identity(target)), 'the finding is gone');
  return { fixed, title: fix.title };
}

/** Findings apistyle reports itself that have fixes: their messages' owner, by function name. */
const NOT_RULE_FUNCTIONS: Readonly<Record<string, string>> = { yamlKeys: 'src/core/parse/yamlKeys.ts' };

it('every fix is keyed by a rule function (or a part of apistyle that reports findings) and one of its message ids', async () => {
  for (const [name, byMessage] of FIXES) {
    const file = join(REPO_ROOT, NOT_RULE_FUNCTIONS[name] ?? join('src', 'functions', `${name}.ts`));
    assert.ok(existsSync(file), `${name} is a rule function`);
    const module = (await import(file)) as Record<string, unknown>;
    const messages = Object.values(module).find(
      (value): value is { functionName: string; templates: object } =>
        typeof value === 'object' && value !== null && (value as { functionName?: unknown }).functionName === name,
    );
    assert.ok(messages, `${name} defines its messages`);
    for (const id of Object.keys(byMessage)) assert.ok(Object.hasOwn(messages.templates, id), `${name} has a message ${id}`);
  }
});

it('no fix reads a message: they read the data the finding carries', () => {
  for (const file of readdirSync(join(REPO_ROOT, 'src', 'fixes'))) {
    const code = readFileSync(join(REPO_ROOT, 'src', 'fixes', file), 'utf8');
    assert.doesNotMatch(code, /\.message\b/, `src/fixes/${file} reads a finding's message`);
  }
});

it("a user's rule that reuses a function with a fix gets the fix, whatever its id and message", async () => {
  // Spectral takes functionsDir relative to the ruleset file.
  const functionsDir = relative(dir, join(REPO_ROOT, 'dist', 'functions'));
  const rulesetFile = join(dir, 'team-ruleset.yaml');
  writeFileSync(
    rulesetFile,
    `functionsDir: ${JSON.stringify(functionsDir)}\nfunctions: [nameCasing]\nrules:\n  team-camel-properties:\n    description: Properties in camelCase.\n    message: Use camelCase here.\n    severity: warn\n    given: $\n    then:\n      function: nameCasing\n      functionOptions: {casing: camel}\n`,
  );
  const engine = new Engine({ ruleset: await loadRulesets([rulesetFile], dir), projectRoot: dir });
  const text =
    'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Customer:\n      type: object\n      properties:\n        first_name: {type: string}\n';
  const [finding] = (await engine.lintText(join(dir, 'team.yaml'), text)).findings.filter((f) => f.code === 'team-camel-properties');
  assert.ok(finding);
  assert.equal(finding.message, 'Use camelCase here.');
  assert.deepEqual(finding.data, {
    function: 'nameCasing',
    messageId: 'rename',
    params: { kind: 'Property', name: 'first_name', casing: 'lowerCamelCase', suggestion: 'firstName' },
    name: 'first_name',
  });
  // A finding about a name points at the name as written, whatever rule reports it.
  assert.deepEqual(finding.range, { start: { line: 8, character: 8 }, end: { line: 8, character: 18 } });
  const fix = fixFor(new SourceDocument(text), finding);
  assert.ok(fix);
  assert.match(applyEdits(text, fix.edits), /\n {8}firstName: \{type: string\}\n/);
});

describe('mechanical fixes: apply, lint again, the finding is gone and nothing new appears', () => {
  it('renames a property to camelCase, with its required entry and the examples that show it', async () => {
    const text = replaceOnce(
      sample('psa'),
      '    NewVehicle:\n      type: object\n      required: [vin, brand, model, energy]\n      properties:\n',
      "    NewVehicle:\n      type: object\n      required: [vin, brand, model, energy, fuel_tank]\n      example: {vin: VR3UPHNKSKT101603, brand: peugeot, model: '208', energy: petrol, fuel_tank: 44}\n      properties:\n        fuel_tank: {type: integer} # litres\n",
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-property-camel-case');
    assert.ok(!fixed.includes('fuel_tank'), 'no fuel_tank left');
    assert.match(fixed, /required: \[vin, brand, model, energy, fuelTank\]/);
    assert.match(fixed, /energy: petrol, fuelTank: 44\}/);
    assert.match(fixed, /fuelTank: \{type: integer\} # litres/);
    assert.equal(fixed.length, text.length - 3, 'nothing else changed');
  });

  it('renames a property in the examples of the request bodies that use its schema', async () => {
    const text = replaceOnce(
      sample('psa'),
      '        mileage: {type: integer, minimum: 0}\n        driverId',
      '        mileage: {type: integer, minimum: 0}\n        Driver_id',
    ).replace(
      "            schema:\n              $ref: '#/components/schemas/NewVehicle'\n",
      "            schema:\n              $ref: '#/components/schemas/NewVehicle'\n            example:\n              vin: VR3UPHNKSKT101603\n              Driver_id: 6a1f0e52-4c0b-4f59-a43e-2b1d3c4e5f60\n",
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-property-camel-case');
    assert.ok(!fixed.includes('Driver_id'));
    assert.match(fixed, /vin: VR3UPHNKSKT101603\n {14}driverId: 6a1f0e52/);
  });

  it('renames a query parameter to PascalCase', async () => {
    const text = replaceOnce(
      sample('redex'),
      '        - name: DeviceId\n          in: query',
      '        - name: device_id\n          in: query',
    );
    const { fixed } = await fixAndRelint('redex', text, 'redex-query-pascal-case');
    assert.match(fixed, /- name: DeviceId\n/);
  });

  it('adds default and maximum to a limit written as a flow mapping', async () => {
    const text = replaceOnce(
      sample('psa'),
      'schema: {type: integer, minimum: 1, maximum: 100, default: 25}',
      'schema: {type: integer, minimum: 1}',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-pagination-limit-default');
    assert.match(fixed, /schema: \{type: integer, minimum: 1, default: 20, maximum: 100\}/);
  });

  it('adds default and maximum to a limit in a JSON document, as JSON', async () => {
    const data = parse(sample('psa')) as { components: { parameters: { Limit: { schema: Record<string, unknown> } } } };
    data.components.parameters.Limit.schema = { type: 'integer', minimum: 1 };
    const text = JSON.stringify(data, null, 2);
    const { fixed } = await fixAndRelint('psa', text, 'psa-pagination-limit-default', 'api.json');
    const limit = (JSON.parse(fixed) as typeof data).components.parameters.Limit.schema;
    assert.deepEqual(limit, { type: 'integer', minimum: 1, default: 20, maximum: 100 });
    assert.match(fixed, /"minimum": 1,\n {10}"default": 20,\n {10}"maximum": 100\n/);
  });

  it('keeps a default within the maximum a limit already declares', async () => {
    const text = replaceOnce(
      sample('psa'),
      'schema: {type: integer, minimum: 1, maximum: 100, default: 25}',
      'schema: {type: integer, minimum: 1, maximum: 10}',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-pagination-limit-default');
    assert.match(fixed, /schema: \{type: integer, minimum: 1, maximum: 10, default: 10\}/);
  });

  it('makes an exploded array parameter comma-separated, in block style', async () => {
    const text = replaceOnce(
      sample('psa'),
      '          description: Only vehicles of these brands (`brand=peugeot,citroen`).\n          style: form\n          explode: false\n',
      '          description: Only vehicles of these brands (`brand=peugeot,citroen`).\n',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-multi-value-comma');
    assert.match(fixed, /items: \{type: string, enum: \[peugeot, citroen, ds, opel\]\}\n {10}style: form\n {10}explode: false\n/);
  });

  it('replaces a non-form style', async () => {
    const text = replaceOnce(
      sample('psa'),
      '          style: form\n          explode: false\n          schema:\n            type: array\n            items: {type: string, enum:',
      '          style: pipeDelimited\n          explode: false\n          schema:\n            type: array\n            items: {type: string, enum:',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-multi-value-comma');
    assert.equal(fixed, sample('psa'));
  });

  it('writes a version segment with its major only', async () => {
    const text = sample('psa').replace(
      'fleet-management/v1\n    description: Production',
      'fleet-management/v1.0\n    description: Production',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-version-major-only');
    assert.equal(fixed, sample('psa'));
  });

  it('serves a server over https', async () => {
    const text = replaceOnce(sample('recommended'), 'url: https://', 'url: http://');
    const { fixed } = await fixAndRelint('recommended', text, 'recommended-server-https');
    assert.equal(fixed, sample('recommended'));
  });

  it('declares a missing header from its component, adding the headers map', async () => {
    const text = replaceOnce(
      sample('psa'),
      "          description: The vehicle was registered.\n          headers:\n            Location:\n              $ref: '#/components/headers/Location'\n",
      '          description: The vehicle was registered.\n',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-created-location');
    const data = parse(fixed) as { paths: Record<string, { post: { responses: Record<string, { headers: unknown }> } }> };
    assert.deepEqual(data.paths['/vehicles']!.post.responses['201']!.headers, { Location: { $ref: '#/components/headers/Location' } });
  });

  it('declares a missing header from its component in an existing headers map', async () => {
    const text = replaceOnce(
      sample('psa'),
      "      headers:\n        ETag:\n          $ref: '#/components/headers/ETag'\n        Date:",
      '      headers:\n        Date:',
    );
    const { fixed } = await fixAndRelint('psa', text, 'psa-not-modified-headers');
    assert.match(fixed, / {10}schema: \{type: string\}\n {8}ETag:\n {10}\$ref: '#\/components\/headers\/ETag'\n/);
  });

  it('renames a request body property to PascalCase, with its required entry', async () => {
    const text = replaceOnce(
      replaceOnce(sample('redex'), 'required: [ApiKey, ApiSecret]', 'required: [api_key, ApiSecret]'),
      '                ApiKey: {type: string',
      '                api_key: {type: string',
    );
    const { fixed } = await fixAndRelint('redex', text, 'redex-property-pascal-case');
    assert.equal(fixed, sample('redex'));
  });

  it('serves a PSA server over https', async () => {
    const text = replaceOnce(sample('psa'), 'url: https://dev.api.inetpsa.com', 'url: http://dev.api.inetpsa.com');
    const { fixed } = await fixAndRelint('psa', text, 'psa-server-https');
    assert.equal(fixed, sample('psa'));
  });

  /** The first response of the PMSIpilot sample, with its headers as `headers` (YAML lines at its indentation). */
  const PMSI_HEADERS =
    "          headers:\n            Last-Token:\n              $ref: '#/components/headers/LastToken'\n            RateLimit-Limit:\n              $ref: '#/components/headers/RateLimitLimit'\n            RateLimit-Remaining:\n              $ref: '#/components/headers/RateLimitRemaining'\n";
  const responseHeadersOf = (fixed: string): Record<string, unknown> =>
    (parse(fixed) as { paths: Record<string, { get: { responses: Record<string, { headers: Record<string, unknown> }> } }> }).paths[
      '/identites'
    ]!.get.responses['200']!.headers;

  it("declares Last-Token from its component (named without the hyphen, as the standard's sample does)", async () => {
    const text = replaceOnce(
      sample('pmsipilot'),
      PMSI_HEADERS,
      "          headers:\n            RateLimit-Limit:\n              $ref: '#/components/headers/RateLimitLimit'\n            RateLimit-Remaining:\n              $ref: '#/components/headers/RateLimitRemaining'\n",
    );
    const { fixed } = await fixAndRelint('pmsipilot', text, 'pmsi-last-token-header');
    assert.deepEqual(responseHeadersOf(fixed), {
      'RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
      'RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
      'Last-Token': { $ref: '#/components/headers/LastToken' },
    });
  });

  it('declares both rate-limit headers from their components', async () => {
    const text = replaceOnce(
      sample('pmsipilot'),
      PMSI_HEADERS,
      "          headers:\n            Last-Token:\n              $ref: '#/components/headers/LastToken'\n",
    );
    const { fixed } = await fixAndRelint('pmsipilot', text, 'pmsi-rate-limit-headers');
    assert.deepEqual(responseHeadersOf(fixed), {
      'Last-Token': { $ref: '#/components/headers/LastToken' },
      'RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
      'RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
    });
  });

  it('declares Retry-After on the shared 429 response, where it is defined, for every operation that uses it', async () => {
    const inline =
      '      headers:\n        Retry-After:\n          description: Seconds to wait before sending the request again.\n          schema: {type: integer, minimum: 0}\n';
    const text = replaceOnce(
      replaceOnce(sample('qualicharge'), inline, ''),
      'components:\n  securitySchemes:\n',
      'components:\n  headers:\n    Retry-After:\n      description: Seconds to wait before sending the request again.\n      schema: {type: integer, minimum: 0}\n  securitySchemes:\n',
    );
    const engine = await engineFor('qualicharge');
    const before = (await engine.lintText(join(dir, 'api.yaml'), text)).findings.filter((f) => f.code === 'qualicharge-429-retry-after');
    assert.ok(before.length > 1, `one finding per operation: ${before.length}`);
    const { fixed } = await fixAndRelint('qualicharge', text, 'qualicharge-429-retry-after');
    const after = (await engine.lintText(join(dir, 'api.yaml'), fixed)).findings;
    assert.deepEqual(
      after.filter((f) => f.code === 'qualicharge-429-retry-after'),
      [],
      'one edit fixed them all',
    );
    const data = parse(fixed) as { components: { responses: { TooManyRequests: { headers: unknown } } } };
    assert.deepEqual(data.components.responses.TooManyRequests.headers, { 'Retry-After': { $ref: '#/components/headers/Retry-After' } });
  });

  it('offers no fix when two header components could be the one meant', async () => {
    const engine = await engineFor('pmsipilot');
    const text = replaceOnce(
      replaceOnce(
        sample('pmsipilot'),
        PMSI_HEADERS,
        "          headers:\n            RateLimit-Limit:\n              $ref: '#/components/headers/RateLimitLimit'\n            RateLimit-Remaining:\n              $ref: '#/components/headers/RateLimitRemaining'\n",
      ),
      '  headers:\n    LastToken:\n',
      '  headers:\n    last_token:\n      schema: {type: string}\n    LastToken:\n',
    );
    const finding = (await engine.lintText(join(dir, 'api.yaml'), text)).findings.find((f) => f.code === 'pmsi-last-token-header');
    assert.ok(finding);
    assert.equal(fixFor(new SourceDocument(text), finding), undefined);
  });

  it('offers no fix when the header has no component to point at', async () => {
    const engine = await engineFor('psa');
    const text = replaceOnce(
      sample('psa'),
      '        Date:\n          description: The date of the response.',
      '        Dated:\n          description: The date of the response.',
    );
    const findings = (await engine.lintText(join(dir, 'api.yaml'), text)).findings.filter((f) => f.code === 'psa-not-modified-headers');
    assert.equal(findings.length, 1);
    assert.equal(fixFor(new SourceDocument(text), findings[0]!), undefined);
  });

  it('offers no fix on a document the parser cannot read cleanly', () => {
    const finding: Finding = {
      code: 'psa-version-major-only',
      message: 'Version segment "v1.0" must carry the major version only: write "v1".',
      path: ['servers', 0, 'url'],
      severity: 0,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      source: 'x.yaml',
      data: { function: 'versionSegmentFormat', messageId: 'notMajorOnly', params: { segment: 'v1.0', wanted: 'v1' } },
    };
    assert.equal(fixFor(new SourceDocument('servers:\n  - url: https://h/v1.0\n  bad: [\n'), finding), undefined);
    assert.ok(fixFor(new SourceDocument('servers:\n  - url: https://h/v1.0\n'), finding));
  });
});

describe('a fix that fails is reported, never swallowed, and never breaks the document', () => {
  /** Two fixable findings in the PSA sample: a snake_case property and a limit without bounds. */
  const TWO_FIXES = sample('psa')
    .replace('        driverId: {type: string, format: uuid}\n', '        driver_id: {type: string, format: uuid}\n')
    .replace('schema: {type: integer, minimum: 1, maximum: 100, default: 25}', 'schema: {type: integer, minimum: 1}');
  const lintOf = async (text: string): Promise<Finding[]> =>
    (await (await engineFor('psa')).lintText(join(dir, 'api.yaml'), text)).findings;

  /** The registered fixes, except that the fix of `code` throws. */
  const throwingFor =
    (code: string): FixLookup =>
    (document, finding) => {
      if (finding.code === code) throw new Error('kaboom');
      return fixFor(document, finding);
    };
  /** The registered fixes, except that the fix of `code` writes an unclosed flow sequence over its node. */
  const breakingFor =
    (code: string): FixLookup =>
    (document, finding) => {
      if (finding.code !== code) return fixFor(document, finding);
      const offset = document.text.indexOf('driver_id');
      return { title: 'break it', edits: [{ start: offset, end: offset + 'driver_id'.length, newText: 'driverId: [' }] };
    };

  it('a fix that throws: the others are applied, the failure names the rule and the reason', async () => {
    const { text, applied, failures } = await fixText(TWO_FIXES, lintOf, throwingFor('psa-property-camel-case'));
    assert.deepEqual(
      failures.map((f) => [f.finding.code, f.reason]),
      [['psa-property-camel-case', 'it threw: kaboom']],
    );
    assert.equal(applied.length, 1);
    assert.match(text, /schema: \{type: integer, minimum: 1, default: 20, maximum: 100\}/);
    assert.match(text, /driver_id: /, 'its finding is left as it is');
  });

  it('a fix whose edits would leave the document unreadable: not applied, reported; the others are applied', async () => {
    const { text, failures } = await fixText(TWO_FIXES, lintOf, breakingFor('psa-property-camel-case'));
    assert.deepEqual(
      failures.map((f) => [f.finding.code, f.reason]),
      [['psa-property-camel-case', 'its edits would leave the document unreadable']],
    );
    assert.ok(new SourceDocument(text).usable, 'the document still reads');
    assert.match(text, /driver_id: /);
    assert.match(text, /schema: \{type: integer, minimum: 1, default: 20, maximum: 100\}/);
  });

  it('--fix: the failure is an error in the report (exit 2), at the finding it was for; the file gets the other fixes only', async () => {
    const project = mkdtempSync(join(tmpdir(), 'apistyle-fix-failure-'));
    const file = join(project, 'api.yaml');
    writeFileSync(file, TWO_FIXES);
    const engine = new Engine({ ruleset: await loadRuleset('psa'), projectRoot: project });
    for (const lookup of [throwingFor('psa-property-camel-case'), breakingFor('psa-property-camel-case')]) {
      writeFileSync(file, TWO_FIXES);
      const session = await openSession({ cwd: project, ruleset: 'psa', configPath: null });
      const fixed = await session.fix([file], lookup);
      assert.equal(fixed.length, 1);
      const [failure] = fixed[0]!.failures;
      assert.ok(failure);
      assert.equal(failure.code, 'linter-error');
      assert.equal(failure.severity, 0);
      assert.match(failure.message, /^the fix for psa-property-camel-case failed: .+; the finding is left as it is$/);
      const finding = (await engine.lintText(file, TWO_FIXES)).findings.find((f) => f.code === 'psa-property-camel-case')!;
      assert.deepEqual([failure.path, failure.range], [finding.path, finding.range]);

      await writeFixed(fixed);
      const written = readFileSync(file, 'utf8');
      assert.ok(new SourceDocument(written).usable);
      assert.match(written, /driver_id: /);
      assert.match(written, /default: 20, maximum: 100/);

      const report = withFixFailures(await engine.lint([file]), fixed);
      assert.ok(report.findings.includes(failure) && report.inputProblems.includes(failure));
      assert.equal(exitCodeFor(report, 0), EXIT_ERROR);
    }
  });
});
