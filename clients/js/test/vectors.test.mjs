// The conformance vectors: testdata/vectors.json, written by the
// integration module's TestManifestVectors from real adapters (echo, gin,
// gorilla/mux, chi, fiber, net/http...), holds a manifest and, for each
// build, what Go's urlfor.Builder answered. Every case must give the same
// URL, or the same error code, parameter and taking route (each compared
// when the vector has it).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { run } from "./helpers.mjs";

const file = new URL("../testdata/vectors.json", import.meta.url);

test("conformance vectors (testdata/vectors.json)", { skip: existsSync(file) ? false : "testdata/vectors.json is missing (go test -run TestManifestVectors -update-vectors in integration writes it)" }, () => {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  assert.ok(doc.cases.length > 0, "no cases");
  const failures = run(doc);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${doc.cases.length} vectors differ from Go`);
});
