// The tests run dist/, so the global setup builds whenever dist/ is not the build of the current
// sources. This checks what that decision rests on: the hash of what the build reads.
import { strict as assert } from 'node:assert';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { sourceHash } from '../scripts/sourceHash.js';
import { builtinRulesetNames } from '../src/core/config/rulesets.js';
import { REPO_ROOT, tempProject } from './helpers/cli.js';
import { buildIsCurrent } from './setup/freshBuild.js';

const TREE = {
  'src/core/a.ts': 'export const a = 1;\n',
  'rulesets/psa.yaml': 'rules: {}\n',
  'scripts/bundle.js': '// bundles\n',
  'package.json': '{}\n',
  'package-lock.json': '{}\n',
  'tsconfig.json': '{}\n',
  'tsconfig.build.json': '{}\n',
  'README.md': '# readme\n',
};

describe('the build the tests run', () => {
  it('is the build of the current sources (the global setup built it if not)', () => {
    assert.ok(buildIsCurrent());
  });

  for (const input of ['src/core/a.ts', 'rulesets/psa.yaml', 'scripts/bundle.js', 'package-lock.json']) {
    it(`counts as stale after an edit of ${input}`, () => {
      const root = tempProject(TREE);
      const before = sourceHash(root);
      appendFileSync(`${root}/${input}`, '\n');
      assert.notEqual(sourceHash(root), before);
    });
  }

  it('does not count a file the build does not read', () => {
    const root = tempProject(TREE);
    const before = sourceHash(root);
    appendFileSync(`${root}/README.md`, 'more\n');
    assert.equal(sourceHash(root), before);
  });
});

describe('the bundle', () => {
  it('imports the compiled built-in rulesets by name, so a run never bundles one again', () => {
    const bundle = join(REPO_ROOT, 'dist', 'bundle');
    const chunks = readdirSync(bundle).map((file) => readFileSync(join(bundle, file), 'utf8'));
    for (const name of builtinRulesetNames()) {
      assert.ok(
        chunks.some((chunk) => chunk.includes(`case"${name}":return import(`)),
        `scripts/bundle.js replaced the compiled-rulesets loader: no literal import of ${name}`,
      );
    }
  });
});
