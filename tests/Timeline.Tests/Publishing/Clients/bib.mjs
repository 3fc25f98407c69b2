// Reads BibTeX files with @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero): a JSON array of file
// texts on standard input; writes, for each, its entries as JSON: [{type, key, fields}], each field as the reader
// understands it (TeX commands turned to text; a name list such as organization as an array).
import { readFileSync } from 'node:fs';
import { parse } from '@retorquere/bibtex-parser';

const texts = JSON.parse(readFileSync(0, 'utf8'));
const results = texts.map(text => {
  const result = parse(text);
  if (result.errors?.length) {
    process.stderr.write(JSON.stringify(result.errors));
    process.exit(1);
  }

  return result.entries.map(e => ({ type: e.type, key: e.key, fields: e.fields }));
});
process.stdout.write(JSON.stringify(results));
