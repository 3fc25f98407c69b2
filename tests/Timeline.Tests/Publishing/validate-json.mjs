// Validates one JSON document (standard input) against one JSON Schema (the first argument) with ajv, as the
// README's "Data for reuse" promises for /timelinejs.json. Writes ajv's errors as JSON, [] when it is valid.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(process.argv[2], "utf8")));
const valid = validate(JSON.parse(readFileSync(0, "utf8")));
process.stdout.write(JSON.stringify(valid ? [] : validate.errors));
