// A data-only config is composed without Spectral's bundler; both paths must mean the same ruleset.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { loadConfigRuleset, readConfig } from '../src/core/config/configRuleset.js';
import { Engine } from '../src/core/engine/engine.js';
import { ONE_ERROR_ONE_WARNING, tempProject } from './helpers/cli.js';

const CONFIG = `extends: [recommended, "spectral:oas"]
rules:
  recommended-plural-resources: error
  info-contact: "off"
overrides:
  - files: ["legacy/**"]
    rules:
      recommended-server-https: "off"
      operation-description: hint
`;

describe('config ruleset: composed directly or bundled, the same findings', () => {
  it('extends, severities, "off" and per-file overrides agree on both paths', async () => {
    const dir = tempProject({
      'apistyle.config.yaml': CONFIG,
      'api.yaml': ONE_ERROR_ONE_WARNING,
      'legacy/old.yaml': ONE_ERROR_ONE_WARNING,
    });
    const config = readConfig(join(dir, 'apistyle.config.yaml'));
    const files = [join(dir, 'api.yaml'), join(dir, 'legacy/old.yaml')];
    const summarise = async (viaBundler: boolean) => {
      const ruleset = await loadConfigRuleset(config, { viaBundler });
      assert.ok(ruleset !== undefined);
      const { findings } = await new Engine({ ruleset, projectRoot: dir }).lint(files);
      return findings.map((f) => [f.source, f.code, f.path.join('.'), f.severity]).sort();
    };
    const composed = await summarise(false);
    const bundled = await summarise(true);
    assert.ok(
      composed.some(([, code]) => code === 'operation-description'),
      'spectral:oas rules run',
    );
    assert.ok(!composed.some(([source, code]) => source === files[1] && code === 'recommended-server-https'), 'override applied');
    assert.deepEqual(composed, bundled);
  });
});
