// Formats CSL-JSON items with citeproc-js (the engine Zotero uses) in the official APA, MLA and Chicago styles.
// Reads a JSON array of items on standard input; writes [{id, apa, mla, chicago}] with each style's bibliography
// entry as HTML. No access date is given: what a style prints without one is what a reader gets with none.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const CSL = require('citeproc');
const here = dirname(fileURLToPath(import.meta.url));
const read = name => readFileSync(join(here, name), 'utf8');
const locale = read('locales-en-US.xml');
const styles = {
  apa: read('apa.csl'),
  mla: read('modern-language-association.csl'),
  chicago: read('chicago-note-bibliography.csl'),
};

const items = JSON.parse(readFileSync(0, 'utf8'));
const byId = new Map(items.map(item => [String(item.id), item]));
const results = items.map(item => ({ id: item.id }));
for (const [name, style] of Object.entries(styles)) {
  for (const [i, item] of items.entries()) {
    const engine = new CSL.Engine({ retrieveLocale: () => locale, retrieveItem: id => byId.get(String(id)) }, style, 'en-US', true);
    engine.updateItems([String(item.id)]);
    const [, entries] = engine.makeBibliography();
    results[i][name] = entries.join('').replace(/<\/?div[^>]*>/g, '').trim();
  }
}

process.stdout.write(JSON.stringify(results));
