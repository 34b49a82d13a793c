// The suites that drive a real editor, browser and hook manager skip without them on a
// developer's machine and fail without them under CI=true.
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'vitest';
import type { ExternalTool } from './helpers/externalTools.js';
import { isInstalled, missingToolNotice, skipsWithout, toolMissingMessage } from './helpers/externalTools.js';

const ABSENT: ExternalTool = { command: 'apistyle-no-such-tool', debianPackage: 'no-such-package', suites: 'the imaginary suite' };
const PRESENT: ExternalTool = { command: 'git', debianPackage: 'git', suites: 'the git suite' };
const ci = process.env['CI'];

describe('tools the tests drive', () => {
  afterEach(() => {
    if (ci === undefined) delete process.env['CI'];
    else process.env['CI'] = ci;
  });

  it('a missing tool skips its suites, with a notice naming the Debian package', () => {
    delete process.env['CI'];
    assert.equal(isInstalled(ABSENT), false);
    assert.equal(skipsWithout(ABSENT), true);
    assert.equal(
      missingToolNotice(ABSENT),
      'apistyle-no-such-tool is not installed: the imaginary suite skips when it runs (apt-get install no-such-package)',
    );
  });

  it('under CI=true a missing tool does not skip: its suites run and fail, saying what to install', () => {
    process.env['CI'] = 'true';
    assert.equal(skipsWithout(ABSENT), false);
    assert.match(missingToolNotice(ABSENT), /fails when it runs \(CI is set\): apt-get install no-such-package$/);
    assert.match(toolMissingMessage(ABSENT), /Debian package no-such-package/);
  });

  it('an installed tool never skips', () => {
    delete process.env['CI'];
    assert.equal(skipsWithout(PRESENT), false);
  });
});
