// Time per URL of the JavaScript client, for the endpoint that
// integration/bench's BenchmarkURL builds in Go: "blog:post" with year
// "2024" and slug "hello-world" (/blog/posts/2024/hello-world). The
// manifest is testdata/vectors.json's when it has such an endpoint, else
// the client's fixture (test/fixtures/manifest.json), whose blog app
// mirrors the benchmark's.
//
//	node bench/urlfor.bench.mjs [rounds]
//
// Each line is the median of the rounds, in ns per URL (each round builds
// for about 200 ms after a warm-up).

import { existsSync, readFileSync } from "node:fs";
import { urlFor } from "../partyline.js";

const here = (p) => new URL(p, import.meta.url);
const year = "2024";
const slug = "hello-world";
const want = "/blog/posts/" + year + "/" + slug;

function pick() {
  for (const [file, label] of [
    ["../testdata/vectors.json", "testdata/vectors.json"],
    ["../test/fixtures/manifest.json", "test/fixtures/manifest.json"],
  ]) {
    if (!existsSync(here(file))) continue;
    const doc = JSON.parse(readFileSync(here(file), "utf8"));
    const m = doc.manifest ?? doc;
    try {
      if (urlFor(m, "blog:post", { year, slug }) === want) return [m, label];
    } catch {
      // no such endpoint here
    }
  }
  throw new Error("no manifest has blog:post /blog/posts/{year}/{slug}");
}

const [manifest, label] = pick();
const rounds = Number(process.argv[2] ?? 7);

function measure(fn) {
  let sink;
  for (let i = 0; i < 200_000; i++) sink = fn(); // warm-up: let the JIT settle
  const results = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 200_000_000n) {
      for (let i = 0; i < 10_000; i++) sink = fn();
      n += 10_000;
      elapsed = process.hrtime.bigint() - start;
    }
    results.push(Number(elapsed) / n);
  }
  results.sort((a, b) => a - b);
  return { ns: results[results.length >> 1], sink };
}

const params = { year, slug };
const pairs = [["year", year], ["slug", slug]];
const cases = [
  ["blog:post {year, slug}", () => urlFor(manifest, "blog:post", params)],
  ["blog:post [[year], [slug]] (pairs)", () => urlFor(manifest, "blog:post", pairs)],
  ["blog:post + query page=2", () => urlFor(manifest, "blog:post", { year, slug, page: 2 })],
  ["blog:post + fragment", () => urlFor(manifest, "blog:post", params, { fragment: "comments" })],
  ["blog:post absolute", () => urlFor(manifest, "blog:post", params, { origin: "https://example.com" })],
  ["blog:post refused (missing slug)", () => {
    try {
      return urlFor(manifest, "blog:post", { year });
    } catch (e) {
      return e.code;
    }
  }],
];

console.log(`node ${process.version}, manifest ${label} (${Object.keys(manifest.endpoints).length} endpoints), median of ${rounds} rounds`);
for (const [name, fn] of cases) {
  const { ns, sink } = measure(fn);
  console.log(`${name.padEnd(40)} ${ns.toFixed(0).padStart(6)} ns/URL   ${String(sink).slice(0, 60)}`);
}
