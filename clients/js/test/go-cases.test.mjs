// The client's own conformance fixture: test/fixtures/manifest.json is the
// manifest Go exports for a party of hand-picked routes that use every
// rule of urlfor (optional parameters, aliases, slash-prefixed wildcards,
// stop and unroutable bytes, every kind of taken set, host templates,
// required query values, nested apps, a custom invite route, route errors,
// ambiguous names), and test/fixtures/go-cases.json what Go's
// urlfor.Builder answered for a catalogue of builds over it: the URL, or
// the error's code, parameter, value, taking route, candidates and
// suggestions, all compared. The generator is a throwaway Go program (see
// the README); regenerate both files together.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { run } from "./helpers.mjs";

const read = (name) => JSON.parse(readFileSync(new URL("fixtures/" + name, import.meta.url), "utf8"));

test("Go-computed cases (test/fixtures/go-cases.json)", () => {
  const doc = read("go-cases.json");
  doc.manifest = read(doc.manifest);
  assert.ok(doc.cases.length > 1000, "too few cases");
  const failures = run(doc, true);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${doc.cases.length} cases differ from Go`);
});
