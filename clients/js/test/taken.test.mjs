// Values other routes take: urlfor/taken_test.go and taken_exact_test.go.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { urlFor } from "../partyline.js";
import { manifest, refused } from "./helpers.mjs";

const L = (text) => ({ kind: "literal", text });

// param is "/x/{id}" with taken sets on id; wild "/f/{rest...}" on rest.
function param(...taken) {
  return manifest([{ ns: "t", routes: [{ name: "r", pattern: "/x/{id}", path: [L("/x/"), { kind: "param", text: "id", taken }] }] }], { invitePaths: [] });
}
function wild(slashed, ...taken) {
  const w = { kind: "wildcard", text: "rest", taken };
  if (slashed) w.slashed = true;
  return manifest([{ ns: "t", routes: [{ name: "r", pattern: "/f/{rest...}", path: [L("/f/"), w] }] }], { invitePaths: [] });
}

describe("taken values", () => {
  // TestTakenBy
  const many = [..."abcdefghijklmnopqrst"].map((c) => "s-" + c);
  const exact = param({ by: "GET /x/new", values: ["new", "drafts"] });
  const big = param({ by: "GET /x/s-*", values: many });
  const fold = param({ by: "GET /x/NEW", values: ["new"], fold: true });
  const prefix = param({ by: "GET /x/draft-{n}", prefixes: ["draft-"] });
  const prefixFold = param({ by: "GET /x/draft-:n", prefixes: ["draft-"], fold: true });
  const proper = param({ by: "GET /x/draft-:n", prefixes: ["draft-"], proper: true });
  const match = param({ by: "GET /x/{y:[0-9]+}", matching: "[0-9]+", js: "[0-9]+" });
  const wildExact = wild(false, { by: "GET /f/readme", values: ["readme"] });
  const wildSlash = wild(true, { by: "GET /f/readme", values: ["readme"] });
  const wildNonEmpty = wild(false, { by: "GET /f/{id}", nonEmpty: true });
  const wildPrefix = wild(false, { by: "GET /f/docs/{rest...}", prefixes: ["docs/"] });
  const cases = [
    ["exact", exact, "id", "new", "GET /x/new", /reaches "GET \/x\/new" instead/],
    ["exact", exact, "id", "drafts", "GET /x/new"],
    ["exact", exact, "id", "NEW", ""],
    ["exact", exact, "id", "new2", ""],
    ["big", big, "id", "s-q", "GET /x/s-*"],
    ["big", big, "id", "s-z", ""],
    ["big", big, "id", "s-", ""],
    ["fold", fold, "id", "nEw", "GET /x/NEW"],
    ["fold", fold, "id", "news", ""],
    ["prefix", prefix, "id", "draft-1", "GET /x/draft-{n}", /starts with "draft-"/],
    ["prefix", prefix, "id", "draft-", "GET /x/draft-{n}"],
    ["prefix", prefix, "id", "Draft-1", ""],
    ["prefix", prefix, "id", "draft", ""],
    ["prefixFold", prefixFold, "id", "DRAFT-x", "GET /x/draft-:n"],
    ["proper", proper, "id", "draft-1", "GET /x/draft-:n"],
    ["proper", proper, "id", "draft-", ""],
    ["match", match, "id", "2024", "GET /x/{y:[0-9]+}", /matches "\[0-9\]\+"/],
    ["match", match, "id", "2024a", ""],
    ["wildExact", wildExact, "rest", "readme", "GET /f/readme"],
    ["wildExact", wildExact, "rest", "readme/x", ""],
    ["wildExact", wildExact, "rest", "/readme", "", /starts with "\/"/],
    ["wildSlash", wildSlash, "rest", "/readme", "GET /f/readme"],
    ["wildNonEmpty", wildNonEmpty, "rest", "", ""],
    ["wildNonEmpty", wildNonEmpty, "rest", "a/b", "GET /f/{id}", /is not empty/],
    ["wildPrefix", wildPrefix, "rest", "docs/a", "GET /f/docs/{rest...}"],
    ["wildPrefix", wildPrefix, "rest", "doc", ""],
  ];
  for (const [kind, m, key, value, by, why] of cases) {
    it(`${kind} ${JSON.stringify(value)}`, () => {
      if (by === "" && !why) {
        urlFor(m, "t:r", { [key]: value });
        return;
      }
      const e = refused(() => urlFor(m, "t:r", { [key]: value }), { code: "invalid_param", param: key, value: kind === "wildSlash" ? value.slice(1) : value });
      assert.equal(e.takenBy, by || undefined);
      if (why) assert.match(e.reason, why);
    });
  }

  it("sets add up, checked exact, fold, prefix, non-empty, matching", () => {
    // TestTakenByAddsUp, and taken.go's order.
    const m = param(
      { by: "M", matching: "[a-z]+", js: "[a-z]+" },
      { by: "P", prefixes: ["ab"] },
      { by: "F", values: ["ABC"], fold: true },
      { by: "E", values: ["abc", "xyz"] },
    );
    for (const [v, by] of [["abc", "E"], ["aBc", "F"], ["abd", "P"], ["xyz", "E"], ["q", "M"], ["Q", undefined]]) {
      if (by === undefined) assert.equal(urlFor(m, "t:r", { id: v }), "/x/" + v);
      else refused(() => urlFor(m, "t:r", { id: v }), { code: "invalid_param", takenBy: by });
    }
  });

  it("with no route named, the reason says so", () => {
    // TestTakenExactFoldWildcard
    const m = param({ values: ["new"], fold: true });
    const e = refused(() => urlFor(m, "t:r", { id: "NeW" }), { code: "invalid_param", param: "id" });
    assert.equal(e.takenBy, undefined);
    assert.match(e.reason, /is taken by another route/);
  });

  it("an alias-named wildcard is refused under its name", () => {
    const m = manifest([{ ns: "t", routes: [{ name: "r", pattern: "/files/*", path: [L("/files/"), { kind: "wildcard", text: "*1", alias: "*", taken: [{ by: "GET /files/readme", values: ["readme"] }] }] }] }]);
    refused(() => urlFor(m, "t:r", { "*": "readme" }), { code: "invalid_param", param: "*1", takenBy: "GET /files/readme" });
    assert.equal(urlFor(m, "t:r", { "*": "docs/readme" }), "/files/docs/readme");
  });

  it("a taken regexp without its js form makes the endpoint untranslatable", () => {
    refused(() => urlFor(param({ by: "R", matching: "[0-9]+" }), "t:r", { id: "x" }), { code: "untranslatable" });
  });
});

describe("fold is Go's strings.EqualFold", () => {
  const m = param({ by: "F", values: ["kelvin", "straße", "σοφία", "ǆ", "new"], fold: true }, { by: "P", prefixes: ["é-", "ſt"], fold: true });
  const taken = (v) => {
    try {
      urlFor(m, "t:r", { id: v });
      return "";
    } catch (e) {
      return e.takenBy;
    }
  };
  it("folds ASCII letters", () => assert.equal(taken("NEW"), "F"));
  it("folds the Kelvin sign to k, the long s to s", () => {
    assert.equal(taken("\u212Aelvin"), "F");
    assert.equal(taken("KELVIN"), "F");
    assert.equal(taken("ST"), "");
    assert.equal(taken("ſTop"), "P");
    // The prefix "ſt" is 3 bytes: Go compares "sto", 3 bytes of "stop", to
    // it, and the "o" is left over.
    assert.equal(taken("stop"), "");
  });
  it("folds simple Unicode case pairs and orbits", () => {
    assert.equal(taken("STRAẞE"), "F"); // ß and ẞ
    assert.equal(taken("STRASSE"), ""); // full folding is not simple folding
    assert.equal(taken("ΣΟΦΊΑ"), "F");
    assert.equal(taken("σοφίας"), ""); // one letter more
    assert.equal(taken("ǅ"), "F"); // the orbit Ǆ ǅ ǆ
    assert.equal(taken("Ǆ"), "F");
  });
  it("compares prefixes on UTF-8 bytes", () => {
    assert.equal(taken("É-x"), "P");
    assert.equal(taken("é"), "");
  });
  it("does not fold code points whose folding is newer than Go's Unicode 15.0", () => {
    // U+A7DC (Unicode 16) is the capital of U+019B in JavaScript's tables,
    // not in Go 1.26's.
    const n = param({ by: "F", values: ["\u019b"], fold: true });
    refused(() => urlFor(n, "t:r", { id: "\u019b" }), { code: "invalid_param", takenBy: "F" });
    assert.equal(urlFor(n, "t:r", { id: "\ua7dc" }), "/x/%EA%9F%9C");
  });
});
