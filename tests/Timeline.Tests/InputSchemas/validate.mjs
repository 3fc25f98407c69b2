// Validates input files against schemas/input/ with ajv, reading YAML with the `yaml` package as the YAML language
// server does (YAML 1.2: 1988 is a number, true a boolean, 1988-07-19 a text; a repeated key is an error).
// Reads [{schema, path}] as JSON on standard input; writes [{path, parseErrors, errors}] as JSON on standard output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import YAML from "yaml";

const folder = process.argv[2];
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
for (const name of ["definitions", "event", "sources", "entities", "eras", "tags", "site", "page"]) {
  ajv.addSchema(JSON.parse(readFileSync(join(folder, `${name}.schema.json`), "utf8")), `${name}.schema.json`);
}

// The front matter of a page, as the loader finds it: between a first line '---' and the next line '---'.
function frontMatter(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  return lines[0].trimEnd() === "---" && close > 0 ? lines.slice(1, close).join("\n") : null;
}

const requests = JSON.parse(readFileSync(0, "utf8"));
const results = requests.map(({ schema, path }) => {
  let text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  if (schema === "page") {
    text = frontMatter(text);
    if (text === null) {
      return { path, parseErrors: ["no front matter between two '---' lines"], errors: [] };
    }
  }

  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) {
    return { path, parseErrors: document.errors.map((e) => e.message.split("\n")[0]), errors: [] };
  }

  // The yaml package refuses to expand a billion laughs of aliases, as an editor's language server does.
  let value;
  try {
    value = document.toJS();
  } catch (error) {
    return { path, parseErrors: [error.message], errors: [] };
  }

  const validate = ajv.getSchema(`${schema}.schema.json`);
  const valid = validate(value);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  return { path, parseErrors: [], errors };
});
process.stdout.write(JSON.stringify(results));
