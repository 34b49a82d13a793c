// Rewrites the generated parts of docs/rules (page headers, options tables, the index's tables)
// from the built rulesets. Run as "npm run docs", which builds first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/paths.js';
import { docFiles, loadDocsModel } from './rule-docs.js';

let written = 0;
for (const doc of docFiles(await loadDocsModel())) {
  if (doc.generated === doc.text) continue;
  writeFileSync(join(PACKAGE_ROOT, doc.file), doc.generated);
  console.log(`updated ${doc.file} (${[...new Set(doc.stale.map((stale) => stale.part))].join(', ')})`);
  written++;
}
console.log(written === 0 ? 'docs/rules is up to date' : `${written} file(s) updated`);
