// Helpers shared by the unit tests (node --test also runs this file; it
// has no tests of its own). They write manifests by hand the way Go's
// urlfor tests write templates (urlfor/helpers_test.go), so that the Go
// tables can be copied as they are.

import assert from "node:assert/strict";
import { PartylineError, urlFor } from "../partyline.js";

// parts turns a compact pattern into manifest parts, as helpers_test.go's
// parts: "{id}" a parameter, "{id:[0-9]+}" a constrained one, "{*path}" a
// wildcard, "{name?}" an optional parameter; the rest is literal. The
// constraints used in the tests mean the same in RE2 and ECMAScript, so
// the "js" field is the Go text.
export function parts(pattern) {
  const ps = [];
  while (pattern !== "") {
    const i = pattern.indexOf("{");
    if (i < 0) {
      ps.push({ kind: "literal", text: pattern });
      break;
    }
    if (i > 0) ps.push({ kind: "literal", text: pattern.slice(0, i) });
    let j = i;
    let depth = 0;
    for (; j < pattern.length; j++) {
      if (pattern[j] === "{") depth++;
      else if (pattern[j] === "}" && --depth === 0) break;
    }
    const spec = pattern.slice(i + 1, j);
    pattern = pattern.slice(j + 1);
    const colon = spec.indexOf(":");
    let name = colon < 0 ? spec : spec.slice(0, colon);
    const re = colon < 0 ? "" : spec.slice(colon + 1);
    const optional = name.endsWith("?");
    if (optional) name = name.slice(0, -1);
    const p = name.startsWith("*") ? { kind: "wildcard", text: name.slice(1) } : { kind: "param", text: name };
    if (optional) p.optional = true;
    if (re !== "") {
      p.pattern = re;
      p.js = re;
    }
    ps.push(p);
  }
  return ps;
}

// route is a manifest endpoint of an app for a compact pattern (see parts);
// more fields (unroutable, backtracks, hostParts...) come in extra.
export function route(name, pattern, extra = {}) {
  return { name, method: "GET", pattern, path: parts(pattern), ...extra };
}

// manifest makes a manifest of apps mounted like Go's test dispatcher:
// {ns, prefix, routes}. The namespace defaults to the prefix without its
// "/"; the root app has none. Invite paths are prefix + "/__invite__";
// nested prefixes and ambiguous names are worked out as urlfor does.
export function manifest(apps, extra = {}) {
  const endpoints = {};
  const invitePaths = [];
  for (const app of apps) {
    const prefix = app.prefix ?? "";
    const ns = app.ns ?? prefix.replace(/^\//, "");
    invitePaths.push(prefix + (app.invite ?? "/__invite__"));
    const nested = apps.map((o) => o.prefix ?? "").filter((p) => p !== prefix && p.startsWith(prefix + "/"));
    const byName = new Map();
    for (const r of app.routes) {
      if (!byName.has(r.name)) byName.set(r.name, []);
      byName.get(r.name).push(r);
    }
    for (const [local, rs] of byName) {
      const qname = ns === "" ? local : ns + ":" + local;
      const e = { namespace: ns || undefined, framework: "test", pattern: rs[0].pattern, prefix: prefix || undefined };
      if (rs.length > 1) {
        e.ambiguous = rs.map((r) => `${qname} (${r.method ? r.method + " " : ""}${r.pattern})`);
      } else {
        const { name: _n, method, ...rest } = rs[0];
        Object.assign(e, rest);
        if (method) e.methods = [method];
        if (nested.length > 0) e.nested = nested;
      }
      endpoints[qname] = JSON.parse(JSON.stringify(e));
    }
  }
  invitePaths.sort();
  return { partyline: "partyline.manifest/1", invitePaths, endpoints, ...extra };
}

// one is a manifest of a single app at /p (or prefix) with one route "r".
export function one(pattern, extra = {}, prefix = "") {
  return manifest([{ ns: "t", prefix, routes: [route("r", pattern, extra)] }], { invitePaths: [] });
}

// build is urlFor on one's manifest.
export function build(pattern, params, { extra = {}, prefix = "", options } = {}) {
  return urlFor(one(pattern, extra, prefix), "t:r", params, options);
}

// refused asserts that fn throws a PartylineError with these fields.
export function refused(fn, want) {
  let err;
  try {
    const u = fn();
    assert.fail(`built ${JSON.stringify(u)}, want an error ${JSON.stringify(want)}`);
  } catch (e) {
    err = e;
  }
  if (!(err instanceof PartylineError)) throw err;
  for (const [k, v] of Object.entries(want)) {
    if (v instanceof RegExp) assert.match(err[k], v, k);
    else assert.deepEqual(err[k], v, `${k} of ${err.message}`);
  }
  return err;
}

// run builds every case of a vectors document ({manifest, cases}) and
// returns the differences from what Go answered: the URL, or the error's
// code, param and takenBy (compareAll: every field the case gives), each
// compared when the case has it.
export function run(doc, compareAll = false) {
  const failures = [];
  for (const c of doc.cases) {
    let got;
    try {
      got = { url: urlFor(doc.manifest, c.name, c.params, c.options ?? undefined) };
    } catch (e) {
      if (typeof e.code !== "string") throw e;
      got = { error: e };
    }
    const want = c.want;
    let why = "";
    if (want.url !== undefined) {
      if (got.url !== want.url) why = got.error ? `${got.error.code}: ${got.error.message}` : JSON.stringify(got.url);
    } else if (got.error === undefined) {
      why = `built ${JSON.stringify(got.url)}`;
    } else {
      const fields = compareAll ? Object.keys(want.error) : ["code", "param", "takenBy"];
      for (const k of fields) {
        if (want.error[k] === undefined) continue;
        if (JSON.stringify(got.error[k]) !== JSON.stringify(want.error[k])) why += `${k} ${JSON.stringify(got.error[k])}; `;
      }
      if (why !== "") why += got.error.message;
    }
    if (why !== "") failures.push(`${c.name} ${JSON.stringify(c.params)} ${JSON.stringify(c.options ?? {})}: want ${JSON.stringify(want)}, got ${why}`);
  }
  return failures;
}
