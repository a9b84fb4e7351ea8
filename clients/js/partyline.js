// partyline.js: build the URLs of a partyline route manifest
// ("partyline.manifest/1", written by Go's urlfor.Builder.Manifest) exactly
// as Go's urlfor.Builder builds them, or throw where Go refuses.
//
// One dependency-free ES module. The rules are ported from the Go sources,
// which stay the reference: urlfor/registry.go (names), urlfor/suggest.go
// ("did you mean"), urlfor/route.go (building and every check),
// urlfor/escape.go (byte classes), urlfor/taken.go (values other routes
// take), urlfor/participant.go and core/guard.go (invite paths and nested
// apps), urlfor/origin.go and urlfor/host.go (origins).
//
// Go works on UTF-8 bytes; JavaScript strings are UTF-16. Everything that
// Go measures or compares in bytes (escaping, stop and unroutable bytes,
// query key order, prefixes, edit distances) is done here on the UTF-8
// encoding of the string. A lone surrogate, which has no UTF-8 encoding,
// is refused wherever Go refuses invalid UTF-8.
//
// This file is ASCII only, so that it means the same whatever charset it
// is served with.

/** The manifest version this client reads (urlfor.ManifestVersion). */
export const MANIFEST_VERSION = "partyline.manifest/1";

// maxPairs bounds the pairs of one build (urlfor/route.go).
const MAX_PAIRS = 64;
// maxSuggestLen: longer names get no suggestions (urlfor/suggest.go).
const MAX_SUGGEST_LEN = 256;
// maxQuoted: how much of a value messages quote (urlfor/errors.go).
const MAX_QUOTED = 64;

// ---------------------------------------------------------------- errors

/**
 * The error urlFor throws. `code` says what went wrong, as the Go error's
 * type and sentinel do: "unknown_endpoint" (urlfor.UnknownEndpointError,
 * with `suggestions`), "ambiguous" (urlfor.AmbiguousError, with
 * `candidates`), "missing_param" and "invalid_param" (urlfor.ParamError,
 * with `param`, `value`, `reason`, `takenBy`), "bad_call"
 * (urlfor.ErrBadCall) and "untranslatable" (the route's own error, or a
 * route this client cannot compile).
 */
export class PartylineError extends Error {
  constructor(code, message, fields) {
    super(message);
    this.name = "PartylineError";
    this.code = code;
    if (fields) Object.assign(this, fields);
  }
}

// quote is strconv.Quote of s cut to MAX_QUOTED bytes, as urlfor's quote.
function quote(s) {
  if (utf8Len(s) <= MAX_QUOTED) return JSON.stringify(s);
  let cut = "";
  let n = 0;
  for (const ch of s) {
    const w = utf8Len(ch);
    if (n + w > MAX_QUOTED) break;
    cut += ch;
    n += w;
  }
  return JSON.stringify(cut) + "\u2026 (" + utf8Len(s) + " bytes)";
}

function badCall(message) {
  return new PartylineError("bad_call", "partyline: bad call: " + message);
}

function untranslatable(endpoint, message) {
  return new PartylineError("untranslatable", message, { endpoint });
}

function paramError(endpoint, pattern, param, value, reason, takenBy) {
  const e = new PartylineError(
    "invalid_param",
    `partyline: ${endpoint}: parameter ${quote(param)} value ${quote(value)} ${reason} (pattern ${JSON.stringify(pattern)})`,
    { endpoint, pattern, param, value, reason },
  );
  if (takenBy) e.takenBy = takenBy;
  return e;
}

function missingError(endpoint, pattern, param) {
  return new PartylineError(
    "missing_param",
    `partyline: ${endpoint}: missing parameter ${quote(param)} for pattern ${JSON.stringify(pattern)}`,
    { endpoint, pattern, param, value: "", missing: true },
  );
}

// ------------------------------------------------------ bytes and classes

// Byte classes (urlfor/escape.go).
const RAW_SEGMENT = 1;
const RAW_QUERY = 2;
const RAW_FRAGMENT = 4;
const HOST_LABEL = 8;
const RAW_PATH = 16;

const CLASSES = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = /[A-Za-z0-9]/.test(ch);
  if (alnum || "-._~".includes(ch)) CLASSES[c] |= RAW_SEGMENT | RAW_PATH | RAW_QUERY | RAW_FRAGMENT;
  if ("$&+,:;=@".includes(ch)) CLASSES[c] |= RAW_SEGMENT | RAW_PATH;
  if (ch === "/") CLASSES[c] |= RAW_PATH;
  // RFC 3986 section 3.5: fragment = *( pchar / "/" / "?" ).
  if ("$&+:=@/?!'()*,;".includes(ch)) CLASSES[c] |= RAW_FRAGMENT;
  if (alnum || ch === "-") CLASSES[c] |= HOST_LABEL;
}

const HEX = [];
for (let c = 0; c < 256; c++) HEX.push("%" + (c < 16 ? "0" : "") + c.toString(16).toUpperCase());

// utf8Len is the length of s in UTF-8 bytes (a lone surrogate counts 3,
// as U+FFFD, though builds refuse it before any length matters).
function utf8Len(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // 4 bytes for 2 units
      i++;
    }
    else n += 2;
  }
  return n;
}

// toBytes returns s's UTF-8 encoding as a "binary string": one char per
// byte, char codes 0-255. Lone surrogates become U+FFFD.
function toBytes(s) {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out += s[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

// escape percent-encodes every UTF-8 byte of s outside class cls, upper-case
// hex; in the query class a space is "+" (url.QueryEscape). s must be well
// formed (builds check it first).
function escape(s, cls) {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (CLASSES[c] & cls) === 0) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (CLASSES[c] & cls) out += s[i];
      else if (c === 0x20 && cls === RAW_QUERY) out += "+";
      else out += HEX[c];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if ((d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) out += HEX[0xc0 | (c >> 6)] + HEX[0x80 | (c & 63)];
    else if (c < 0x10000) out += HEX[0xe0 | (c >> 12)] + HEX[0x80 | ((c >> 6) & 63)] + HEX[0x80 | (c & 63)];
    else out += HEX[0xf0 | (c >> 18)] + HEX[0x80 | ((c >> 12) & 63)] + HEX[0x80 | ((c >> 6) & 63)] + HEX[0x80 | (c & 63)];
  }
  return out;
}

// checkText refuses what no URL should carry (urlfor/escape.go): invalid
// UTF-8, which in JavaScript is a lone surrogate, then NUL.
function checkText(s) {
  let suspect = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || (c >= 0xd800 && c <= 0xdfff)) {
      suspect = true;
      break;
    }
  }
  if (!suspect) return "";
  if (!wellFormed(s)) return "is not valid UTF-8";
  return s.includes("\0") ? "contains a NUL byte" : "";
}

function wellFormed(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 >= s.length || (s.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return false;
    i++;
  }
  return true;
}

// hasByte reports whether s's UTF-8 encoding holds byte b.
function hasByte(s, b) {
  if (b < 0x80) return s.includes(String.fromCharCode(b));
  return toBytes(s).includes(String.fromCharCode(b));
}

// compareBytes orders strings as Go orders their UTF-8 bytes (code point
// order): UTF-16 order except that surrogates sort after U+E000-U+FFFF.
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

// ------------------------------------------------------------ case folding

// Go's strings.EqualFold compares runes by Unicode simple case folding
// (unicode.SimpleFold orbits, Unicode 15.0.0 in Go 1.21-1.26). JavaScript
// has the same folding in regexps with the "iu" flags (CaseFolding.txt,
// simple and common mappings), in whatever Unicode version the engine
// has. Checked over every code point: Node 20 (Unicode 15.1+) agrees with
// Go 1.26 except for the code points below, whose folding was added after
// Unicode 15.0; they fold to nothing else here, as in Go.
const NEWER_FOLDS = [
  [0x19b, 0x19b], [0x264, 0x264], [0x390, 0x390], [0x3b0, 0x3b0], [0x1c89, 0x1c8a],
  [0x1fd3, 0x1fd3], [0x1fe3, 0x1fe3], [0xa7cb, 0xa7cf], [0xa7d2, 0xa7d5], [0xa7da, 0xa7dc],
  [0xfb05, 0xfb06], [0x10d50, 0x10d65], [0x10d70, 0x10d85], [0x16ea0, 0x16eb8], [0x16ebb, 0x16ed3],
];

function newerFold(c) {
  for (const [lo, hi] of NEWER_FOLDS) if (c >= lo && c <= hi) return true;
  return false;
}

const foldREs = new Map();

// foldEq reports whether runes a and b are in one simple-folding orbit.
function foldEq(a, b) {
  if (a === b) return true;
  if (newerFold(a) || newerFold(b)) return false;
  let re = foldREs.get(a);
  if (re === undefined) {
    if (foldREs.size > 1024) foldREs.clear();
    re = new RegExp("^\\u{" + a.toString(16) + "}$", "iu");
    foldREs.set(a, re);
  }
  return re.test(String.fromCodePoint(b));
}

// decodeRune decodes the rune at i of binary string s as Go's
// utf8.DecodeRuneInString does: [rune, size], U+FFFD and 1 when invalid.
function decodeRune(s, i) {
  const c0 = s.charCodeAt(i);
  if (c0 < 0x80) return [c0, 1];
  const rest = s.length - i;
  const cont = (j, lo = 0x80, hi = 0xbf) => {
    const c = s.charCodeAt(i + j);
    return c >= lo && c <= hi;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    if (rest >= 2 && cont(1)) return [((c0 & 0x1f) << 6) | (s.charCodeAt(i + 1) & 63), 2];
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    if (rest >= 3 && cont(1, lo, hi) && cont(2)) {
      return [((c0 & 0x0f) << 12) | ((s.charCodeAt(i + 1) & 63) << 6) | (s.charCodeAt(i + 2) & 63), 3];
    }
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    if (rest >= 4 && cont(1, lo, hi) && cont(2) && cont(3)) {
      return [
        ((c0 & 0x07) << 18) | ((s.charCodeAt(i + 1) & 63) << 12) | ((s.charCodeAt(i + 2) & 63) << 6) | (s.charCodeAt(i + 3) & 63),
        4,
      ];
    }
  }
  return [0xfffd, 1];
}

// equalFoldBytes is Go's strings.EqualFold on two binary strings (UTF-8
// bytes, invalid sequences decoding to U+FFFD one byte at a time).
function equalFoldBytes(s, t) {
  let i = 0;
  let j = 0;
  while (i < s.length) {
    if (j >= t.length) return false;
    let [sr, sn] = decodeRune(s, i);
    let [tr, tn] = decodeRune(t, j);
    i += sn;
    j += tn;
    if (tr === sr) continue;
    if (tr < sr) [tr, sr] = [sr, tr];
    if (tr < 0x80) {
      if (sr >= 0x41 && sr <= 0x5a && tr === sr + 0x20) continue;
      return false;
    }
    if (!foldEq(sr, tr)) return false;
  }
  return j === t.length;
}

// toLowerBytes is Go's strings.ToLower (unicode.ToLower on every rune),
// returned as UTF-8 bytes in a binary string.
function toLowerBytes(s) {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) {
      out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 0x20) : ch;
      continue;
    }
    let l = ch;
    if (c === 0x130) l = "i"; // U+0130's simple lower case; toLowerCase gives "i" and U+0307
    else if (!newerFold(c)) {
      const low = ch.toLowerCase();
      if (low.length === ch.length || [...low].length === 1) l = low;
    }
    out += toBytes(l);
  }
  return out;
}

// ---------------------------------------------------------- the manifest

const compiled = new WeakMap();
// The last manifest used, and its directory: most programs have one.
let lastManifest = null;
let lastDirectory = null;

// directoryOf compiles (once per manifest object) the names a build may
// ask for, as urlfor/registry.go's directory: qualified names of apps with
// a namespace, then bare local names (one endpoint each, or ambiguous).
function directoryOf(manifest) {
  let d = compiled.get(manifest);
  if (d !== undefined) {
    lastManifest = manifest;
    lastDirectory = d;
    return d;
  }
  if (manifest === null || typeof manifest !== "object") throw badCall("the manifest is not an object");
  if (manifest.partyline !== MANIFEST_VERSION) {
    throw badCall(`manifest: version ${quote(String(manifest.partyline ?? ""))}, want ${JSON.stringify(MANIFEST_VERSION)}`);
  }
  const endpoints = manifest.endpoints ?? {};
  const names = new Map();
  const bare = new Map();
  for (const name of Object.keys(endpoints)) {
    const e = endpoints[name];
    if (e === null || typeof e !== "object") continue;
    const ns = e.namespace ?? "";
    let local = name;
    if (ns !== "" && name.startsWith(ns + ":")) local = name.slice(ns.length + 1);
    const entry = { name, ns, local, e, compiled: null };
    if (e.ambiguous && e.ambiguous.length > 0) entry.candidates = e.ambiguous.slice();
    if (ns !== "") names.set(name, entry);
    const list = bare.get(local);
    if (list) list.push(entry);
    else bare.set(local, [entry]);
  }
  for (const [local, list] of bare) {
    if (list.length === 1) {
      names.set(local, list[0]);
      continue;
    }
    const cands = [];
    for (const x of list) {
      if (x.candidates) cands.push(...x.candidates);
      else cands.push(describe(x));
    }
    cands.sort(compareBytes);
    names.set(local, { name: local, candidates: cands });
  }
  const invitePaths = (manifest.invitePaths ?? []).map((p) => {
    const b = toBytes(p);
    return b === "" ? "/" : b; // core's trimSlash keeps a lone "/"
  });
  // The last segments of the invite paths, lower-cased, when all are ASCII
  // (see surelyNoInvitePath).
  let guardLastLower = new Set();
  for (const g of invitePaths) {
    const last = g.slice(g.lastIndexOf("/") + 1);
    if (/[^\x00-\x7f]/.test(last)) guardLastLower = null;
    else if (guardLastLower !== null) guardLastLower.add(asciiLower(last));
  }
  const guardLastLens = guardLastLower === null ? [] : [...new Set([...guardLastLower].map((g) => g.length))];
  d = { names, origin: manifest.origin ?? "", invitePaths, guardLastLower, guardLastLens };
  compiled.set(manifest, d);
  lastManifest = manifest;
  lastDirectory = d;
  return d;
}

// describe is urlfor's Participant.describe: "blog:post (GET /posts/:id)".
function describe(x) {
  const method = x.e.methods && x.e.methods.length === 1 ? x.e.methods[0] : "";
  const pattern = x.e.pattern ?? "";
  if (method !== "" && !pattern.startsWith(method + " ")) return `${x.name} (${method} ${pattern})`;
  return `${x.name} (${pattern})`;
}

const KIND_LITERAL = 0;
const KIND_PARAM = 1;
const KIND_WILDCARD = 2;

// compileEndpoint is urlfor's importRoute and NewTemplate: the parts as Go
// compiles them (adjacent literals merged, stop bytes worked out from the
// literal that follows), constraints as anchored "u" regexps.
function compileEndpoint(x) {
  const e = x.e;
  const c = { error: "", prefix: e.prefix ?? "", pattern: e.pattern ?? "", scheme: e.scheme ?? "", path: null, host: null, query: [], nested: [] };
  if (e.error) {
    c.error = String(e.error); // the route's Err, as Go returns it
    return c;
  }
  if (!e.path || e.path.length === 0) {
    c.error = `partyline: invalid template ${JSON.stringify(c.pattern)}: the route has no path template`;
    return c;
  }
  try {
    c.path = compileTemplate(c.pattern, e.path, false, e.unroutable ?? "", !!e.backtracks);
    if (e.hostParts && e.hostParts.length > 0) c.host = compileTemplate(e.host ?? "", e.hostParts, true, "", false);
    for (const q of e.query ?? []) {
      if (!q.key || !q.value || q.value.kind === "wildcard") throw new Error(`query parameter ${JSON.stringify(q.key ?? "")}: a query parameter needs a key and a literal or parameter value`);
      c.query.push({ key: q.key, value: compilePart(q.value, c.pattern) });
    }
    c.nested = nestedCandidates(e.nested ?? [], c);
  } catch (err) {
    c.error = `partyline: invalid template ${JSON.stringify(c.pattern)}: ${err.message}`;
  }
  return c;
}

function compileTemplate(pattern, mparts, host, unroutable, backtracks) {
  const t = { pattern, host, parts: [], params: [], literalLen: 0, unroutable, unroutBytes: toBytes(unroutable), backtracks, lastSeg: undefined };
  t.unroutAscii = new Uint8Array(128);
  t.unroutHigh = false;
  for (let i = 0; i < t.unroutBytes.length; i++) {
    const b = t.unroutBytes.charCodeAt(i);
    if (b < 0x80) t.unroutAscii[b] = 1;
    else t.unroutHigh = true;
  }
  if (!host && (mparts[0].kind !== "literal" || !(mparts[0].text ?? "").startsWith("/"))) {
    throw new Error("a path pattern must start with literal text beginning with /");
  }
  if (mparts.length > 64) throw new Error("more than 64 parts");
  const seen = new Set();
  mparts.forEach((mp, i) => {
    const p = compilePart(mp, pattern);
    if (p.kind === KIND_LITERAL) {
      if (p.text === "") return;
      const last = t.parts[t.parts.length - 1];
      t.literalLen += utf8Len(p.text);
      if (last && last.kind === KIND_LITERAL) {
        last.text += p.text;
        return;
      }
      t.parts.push(p);
      return;
    }
    if (p.text === "") throw new Error("a parameter has no name");
    if (seen.has(p.text)) throw new Error(`parameter ${JSON.stringify(p.text)} appears twice`);
    seen.add(p.text);
    if (p.alias !== "") {
      if (seen.has(p.alias)) throw new Error(`alias ${JSON.stringify(p.alias)} of parameter ${JSON.stringify(p.text)} names another parameter`);
      seen.add(p.alias);
    }
    if (p.kind === KIND_WILDCARD && i !== mparts.length - 1) throw new Error(`wildcard ${JSON.stringify(p.text)} is not last`);
    if (host && (p.kind === KIND_WILDCARD || p.optional)) throw new Error("a host pattern takes only literal text and parameters");
    const last = t.parts[t.parts.length - 1];
    if (last && last.kind !== KIND_LITERAL) {
      throw new Error(`parameters ${JSON.stringify(last.text)} and ${JSON.stringify(p.text)} have no literal text between them`);
    }
    t.params.push(p.text);
    t.parts.push(p);
  });
  // A path that ends in literal text with a "/" has a constant last segment.
  const end = t.parts[t.parts.length - 1];
  if (!host && end.kind === KIND_LITERAL && end.text.includes("/")) t.lastSeg = end.text.slice(end.text.lastIndexOf("/") + 1);
  // A parameter followed by literal text in the same segment ends, in most
  // routers, at the first byte of that text.
  for (let i = 0; i + 1 < t.parts.length; i++) {
    const p = t.parts[i];
    const next = t.parts[i + 1].text;
    // (A NUL byte is no stop byte: Go's zero value means none.)
    if (p.kind === KIND_PARAM && next !== "" && next[0] !== "/" && next[0] !== "\0") {
      p.stop = toBytes(next).charCodeAt(0);
      if (p.stop < 0x80) p.stopChar = next[0];
    }
  }
  return t;
}

function compilePart(mp, pattern) {
  const kind = mp.kind === "param" ? KIND_PARAM : mp.kind === "wildcard" ? KIND_WILDCARD : KIND_LITERAL;
  const p = { kind, text: mp.text ?? "", alias: "", optional: false, slashed: false, constraint: "", re: null, stop: -1, stopChar: "", taken: null };
  if (kind === KIND_LITERAL) return p;
  p.alias = mp.alias ?? "";
  p.optional = !!mp.optional;
  p.slashed = !!mp.slashed;
  if (mp.pattern) {
    p.constraint = mp.pattern;
    p.re = anchored(mp.js, `constraint of ${JSON.stringify(p.text)}`);
  }
  if (mp.taken && mp.taken.length > 0) p.taken = compileTaken(mp.taken);
  return p;
}

// anchored compiles a constraint's ECMAScript source (the manifest's "js"
// field, urlfor.JSRegexp's output) as Go anchors it.
function anchored(js, what) {
  if (typeof js !== "string" || js === "") throw new Error(`${what}: the manifest has no "js" form of it`);
  try {
    return new RegExp("^(?:" + js + ")$", "u");
  } catch (err) {
    throw new Error(`${what}: ${err.message}`);
  }
}

// compileTaken lays out a part's taken sets in the order urlfor/taken.go
// checks them: exact values, folded values, prefixes, non-empty, matching.
function compileTaken(sets) {
  const t = { exact: new Map(), fold: [], prefix: [], nonEmpty: null, match: [] };
  for (const s of sets) {
    const by = s.by ?? "";
    for (const v of s.values ?? []) {
      if (s.fold) t.fold.push({ v: toBytes(v), by });
      else if (!t.exact.has(v)) t.exact.set(v, by);
    }
    for (const v of s.prefixes ?? []) t.prefix.push({ v, bytes: toBytes(v), by, fold: !!s.fold, proper: !!s.proper });
    if (s.matching) t.match.push({ re: anchored(s.js, `values taken by ${JSON.stringify(by)}`), by, src: s.matching });
    if (s.nonEmpty && t.nonEmpty === null) t.nonEmpty = by;
  }
  return t;
}

function takenReason(by, lead) {
  if (by === "") return lead + "is taken by another route of the app";
  return `${lead}reaches ${JSON.stringify(by)} instead`;
}

// checkTaken returns [why, by] when v is taken, else null (taken.go check).
function checkTaken(t, v) {
  const by = t.exact.get(v);
  if (by !== undefined) return [takenReason(by, ""), by];
  if (t.fold.length > 0 || t.prefix.length > 0) {
    const vb = toBytes(v);
    for (const f of t.fold) if (equalFoldBytes(f.v, vb)) return [takenReason(f.by, ""), f.by];
    for (const e of t.prefix) {
      const n = e.bytes.length;
      if (vb.length < n || (e.proper && vb.length === n)) continue;
      const head = vb.slice(0, n);
      if (head === e.bytes || (e.fold && equalFoldBytes(head, e.bytes))) {
        return [takenReason(e.by, `starts with ${JSON.stringify(e.v)}, so it `), e.by];
      }
    }
  }
  if (t.nonEmpty !== null && v !== "") return [takenReason(t.nonEmpty, "is not empty, so it "), t.nonEmpty];
  for (const m of t.match) {
    if (m.re.test(v)) return [takenReason(m.by, `matches ${JSON.stringify(m.src)}, so it `), m.by];
  }
  return null;
}

// ------------------------------------------------------------ parameters

// pairsOf turns params into keys and values: a plain object, or [key,
// value] pairs (an array, a Map, URLSearchParams: any iterable of pairs;
// repeats allowed, order kept, as Go's pairs).
function pairsOf(s, params) {
  const keys = s.keys;
  const vals = s.vals;
  if (params === undefined || params === null) return;
  if (typeof params !== "object") throw badCall("params must be an object or [key, value] pairs");
  if (Array.isArray(params) || typeof params[Symbol.iterator] === "function") {
    for (const pair of params) {
      if (!Array.isArray(pair) || pair.length !== 2) throw badCall("params: each pair must be an array [key, value]");
      if (typeof pair[0] !== "string") throw badCall(`params: key ${quote(String(pair[0]))} is not a string`);
      keys.push(pair[0]);
      vals.push(valueOf(pair[0], pair[1]));
    }
    return;
  }
  for (const k of Object.keys(params)) {
    keys.push(k);
    vals.push(valueOf(k, params[k]));
  }
}

function valueOf(key, v) {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
    case "boolean":
    case "bigint":
      return String(v);
  }
  throw badCall(`params: the value of ${quote(key)} is ${v === null ? "null" : typeof v}, not a string, number, boolean or bigint`);
}

// ------------------------------------------------------------ resolution

function resolve(d, name) {
  if (name === "") throw badCall("empty endpoint name");
  const x = d.names.get(name);
  if (x === undefined) {
    const known = [...d.names.keys()];
    const suggestions = suggest(name, known);
    let msg = "partyline: unknown endpoint " + quote(name);
    if (suggestions.length > 0) msg += " (did you mean " + suggestions.map((s) => JSON.stringify(s)).join(" or ") + "?)";
    throw new PartylineError("unknown_endpoint", msg, { endpoint: name, suggestions });
  }
  if (x.candidates) {
    throw new PartylineError(
      "ambiguous",
      `partyline: ${quote(name)} is ambiguous: ${x.candidates.join(", ")}; qualify the name or rename a route`,
      { endpoint: name, candidates: x.candidates.slice() },
    );
  }
  return x;
}

// suggest is urlfor/suggest.go: up to three known names within a small
// edit distance (Levenshtein over the lower-cased UTF-8 bytes), closest
// first, ties in byte order; a bare name matching a qualified one's local
// part scores 0, the same local name in another namespace 1.
function suggest(name, known) {
  const nameBytes = toBytes(name);
  if (nameBytes.length > MAX_SUGGEST_LEN) return [];
  const limit = Math.max(2, Math.floor(nameBytes.length / 3));
  const lname = toLowerBytes(name);
  const ni = name.indexOf(":");
  const nameQualified = ni >= 0;
  const nameLocal = nameQualified ? toBytes(name.slice(ni + 1)) : "";
  const best = [];
  const better = (a, b) => a.d < b.d || (a.d === b.d && compareBytes(a.name, b.name) < 0);
  for (const k of known) {
    let d = limit + 1;
    let ok = false;
    const ki = k.indexOf(":");
    const qualified = ki >= 0;
    const local = qualified ? toBytes(k.slice(ki + 1)) : "";
    if (qualified && equalFoldBytes(local, nameBytes)) {
      d = 0;
      ok = true;
    } else if (nameQualified && ((qualified && equalFoldBytes(local, nameLocal)) || (!qualified && equalFoldBytes(toBytes(k), nameLocal)))) {
      d = 1;
      ok = true;
    }
    const dk = distanceWithin(lname, toLowerBytes(k), limit);
    if (dk >= 0 && (!ok || dk < d)) {
      d = dk;
      ok = true;
    }
    if (!ok || k === name) continue;
    const c = { name: k, d };
    let i = best.length;
    while (i > 0 && better(c, best[i - 1])) i--;
    if (i < 3) {
      best.splice(i, 0, c);
      if (best.length > 3) best.length = 3;
    }
  }
  return best.map((b) => b.name);
}

// distanceWithin is the Levenshtein distance of binary strings a and b
// when it is at most limit, else -1 (Ukkonen's band, as suggest.go).
function distanceWithin(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return -1;
  const inf = limit + 1;
  let prev = new Array(b.length + 1);
  let cur = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = Math.min(j, inf);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(b.length, i + limit);
    cur[0] = Math.min(i, inf);
    if (lo > 1) cur[lo - 1] = inf;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost, inf);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (hi < b.length) cur[hi + 1] = inf;
    if (rowMin > limit) return -1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] <= limit ? prev[b.length] : -1;
}

// ---------------------------------------------------------------- origins

// cachedOrigin is parseOrigin, remembered: programs use a few origins.
const origins = new Map();
function cachedOrigin(src) {
  let o = origins.get(src);
  if (o === undefined) {
    o = parseOrigin(src); // throws for a bad one, which is not kept
    if (origins.size >= 64) origins.clear();
    origins.set(src, o);
  }
  return o;
}

// parseOrigin is urlfor.ParseOrigin: "https://example.com" (one trailing
// "/" allowed), scheme http or https, a DNS name, IPv4 or bracketed IPv6
// host with an optional port. Errors are bad calls.
function parseOrigin(s) {
  const i = s.indexOf("://");
  if (i < 0) throw badCall(`origin ${JSON.stringify(s)} has no scheme`);
  const scheme = s.slice(0, i).toLowerCase();
  let host = s.slice(i + 3);
  if (host.endsWith("/")) host = host.slice(0, -1);
  if (scheme !== "http" && scheme !== "https") throw badCall(`origin scheme ${quote(scheme)} is not http or https`);
  if (host === "") throw badCall("origin has no host");
  const why = hostProblem(host);
  if (why !== "") throw badCall(`origin host ${quote(host)} ${why}`);
  return { scheme, host };
}

// hostProblem is urlfor/host.go's.
function hostProblem(host) {
  let name = host;
  let port = "";
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end < 0) return 'opens "[" without closing it';
    name = host.slice(0, end + 1);
    port = host.slice(end + 1);
    if (!isIPv6(name.slice(1, -1))) return "is not an IPv6 address in brackets";
  } else {
    const i = host.lastIndexOf(":");
    if (i >= 0) {
      name = host.slice(0, i);
      port = host.slice(i);
    }
  }
  if (port !== "" && !isPort(port.slice(1))) return "has a port that is not a number from 0 to 65535";
  if (name.startsWith("[")) return "";
  return dnsNameProblem(name);
}

function isPort(s) {
  if (s === "" || s.length > 5 || !/^[0-9]+$/.test(s)) return false;
  return Number(s) <= 65535;
}

function dnsNameProblem(name) {
  const why =
    "is not a DNS host name (letters, digits, hyphens and dots; an international name in its IDNA form, xn--), an IPv4 address or a bracketed IPv6 address";
  const trimmed = name.endsWith(".") ? name.slice(0, -1) : name;
  if (trimmed === "" || trimmed.length > 253) return why;
  let numeric = true;
  for (const label of trimmed.split(".")) {
    if (label === "" || label.length > 63 || label[0] === "-" || label[label.length - 1] === "-") return why;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d) numeric = false;
      else if (c < 0x30 || c > 0x39) return why;
    }
  }
  if (numeric && !isIPv4(name)) return why;
  return "";
}

// isIPv4: four dotted decimal parts, 0-255, no leading zeros (netip).
function isIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p === "" || p.length > 3 || !/^[0-9]+$/.test(p) || (p.length > 1 && p[0] === "0") || Number(p) > 255) return false;
  }
  return true;
}

// isIPv6 is netip.ParseAddr(s) succeeding with an IPv6 address and no zone.
function isIPv6(s) {
  // ParseAddr reads an IPv4 address when a "." comes before any ":".
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ".") return false;
    if (s[i] === ":") break;
    if (s[i] === "%") return false;
  }
  if (!s.includes(":") || s.includes("%")) return false;
  let rest = s;
  let ellipsis = -1;
  if (rest.startsWith("::")) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === "") return true;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < rest.length; off++) {
      const h = parseInt(rest[off], 16);
      if (Number.isNaN(h) || !/[0-9a-fA-F]/.test(rest[off])) break;
      acc = acc * 16 + h;
      if (off > 3 || acc > 0xffff) return false;
    }
    if (off === 0) return false;
    if (off < rest.length && rest[off] === ".") {
      if (ellipsis < 0 && i !== 12) return false;
      if (i + 4 > 16) return false;
      if (!isIPv4(rest)) return false;
      rest = "";
      i += 4;
      break;
    }
    i += 2;
    rest = rest.slice(off);
    if (rest === "") break;
    if (rest[0] !== ":" || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ":") {
      if (ellipsis >= 0) return false;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest === "") break;
    }
  }
  if (rest !== "") return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;
}

// ---------------------------------------------------------------- building

/**
 * urlFor builds the URL of endpoint `name` of `manifest` with `params`, as
 * Go's urlfor.Builder does for the same endpoint, or throws a
 * PartylineError where Go refuses.
 *
 * @param {object} manifest a "partyline.manifest/1" document, parsed
 *   (treated as immutable: what is compiled from it is cached)
 * @param {string} name "blog:post", or a bare "post" that one endpoint has
 * @param {object|Array} [params] {id: "7"} or [["id", "7"], ["tag", "a"]]:
 *   route parameters; the rest becomes the query, sorted by key
 * @param {{fragment?: string, origin?: string, absolute?: boolean}} [options]
 * @returns {string}
 */
export function urlFor(manifest, name, params, options) {
  const d = manifest === lastManifest ? lastDirectory : directoryOf(manifest);
  if (typeof name !== "string") throw badCall("the endpoint name is not a string");
  const x = resolve(d, name);
  if (x.compiled === null) x.compiled = compileEndpoint(x);
  const s = new BuildState(name);
  pairsOf(s, params);
  return build(d, x, x.compiled, s, options ?? NO_OPTIONS);
}

const NO_OPTIONS = Object.freeze({});

// BuildState carries one build (route.go buildState).
class BuildState {
  constructor(ep) {
    this.ep = ep; // the name as asked, for errors
    this.keys = [];
    this.vals = [];
    this.usedLo = 0; // pairs used by the route, a bit each (0-31)
    this.usedHi = 0; // and (32-63): MAX_PAIRS bounds them
    this.nused = 0;
    this.absent = null; // by part index: optional parameter left out
    this.lastSeg = "";
  }
}

function build(d, x, c, s, options) {
  const name = s.ep;
  const keys = s.keys;
  if (c.error !== "") throw untranslatable(name, c.error);
  if (keys.length > MAX_PAIRS) throw badCall(`more than ${MAX_PAIRS} pairs`);
  const fragment = options.fragment ?? "";
  if (typeof fragment !== "string") throw badCall("options.fragment is not a string");

  // The origin, when the URL is absolute (route.go measure/origin).
  let scheme = "";
  let host = "";
  const absolute = options.absolute ?? (options.origin !== undefined && options.origin !== null);
  if (absolute) {
    const src = options.origin ?? d.origin;
    if (typeof src !== "string") throw badCall("options.origin is not a string");
    if (src !== "") ({ scheme, host } = cachedOrigin(src));
    else if (c.host === null) throw badCall(`${name}: an absolute URL needs an origin (the manifest has none: give options.origin)`);
  }
  let hostVals = null;
  let hostPieces = null;
  if (c.host !== null) {
    host = "";
    if (c.scheme !== "") scheme = c.scheme;
    hostVals = new Array(c.host.parts.length);
    hostPieces = new Array(c.host.parts.length);
    measureTemplate(s, c.host, hostVals, hostPieces);
  }
  if (scheme === "") scheme = "http";
  const pathVals = new Array(c.path.parts.length);
  const pathPieces = new Array(c.path.parts.length);
  const m = measureTemplate(s, c.path, pathVals, pathPieces);
  if (c.prefix === "" && m > 1 && startsWithDoubleSlash(c.path, pathVals, s.absent)) {
    const why = "would make the path start with // (a scheme-relative URL, an open redirect)";
    const i = c.path.parts.findIndex((p) => p.kind !== KIND_LITERAL);
    if (i < 0) throw untranslatable(name, `partyline: invalid template ${JSON.stringify(c.pattern)}: the path ${why}`);
    throw paramError(name, c.pattern, c.path.parts[i].text, pathVals[i] ?? "", why, "");
  }
  const query = measureQuery(s, c);
  if (fragment !== "") {
    const why = checkText(fragment);
    if (why !== "") throw badCall(`${name}: fragment ${quote(fragment)} ${why}`);
  }

  // Write (route.go write).
  let u = "";
  if (c.host !== null || host !== "") {
    u = scheme + "://" + (c.host !== null ? writeTemplate(s, c.host, hostPieces, null) : host);
  }
  const tpl = writeTemplate(s, c.path, pathPieces, s.absent);
  const path = c.prefix + tpl;
  u += path + query;
  if (fragment !== "") u += "#" + escape(fragment, RAW_FRAGMENT);

  // Participant.build: refuse what the dispatcher would not route back.
  if (d.invitePaths.length > 0 && !surelyNoInvitePath(d, s.lastSeg) && isInvitePath(d.invitePaths, path)) {
    throw refuse(x, c, s, `would make the URL ${quote(u)}, an invite path, which the party answers 404`);
  }
  for (const q of c.nested) {
    if (path.startsWith(q) && (path.length === q.length || path[q.length] === "/")) {
      throw refuse(x, c, s, `would make the URL ${quote(u)}, which the dispatcher routes to the app mounted at ${q}`);
    }
  }
  return u;
}

function isUsed(s, i) {
  return ((i < 32 ? s.usedLo >>> i : s.usedHi >>> (i - 32)) & 1) === 1;
}

// lookup finds the value of parameter pname (or its alias) in the pairs;
// a key given twice is a bad call (route.go lookup, lookupAlias).
function lookup(s, pname, alias) {
  let found = -1;
  for (let i = 0; i < s.keys.length; i++) {
    if (s.keys[i] === pname) {
      if (found >= 0) throw badCall(`${s.ep}: parameter ${quote(pname)} given twice`);
      found = i;
    }
  }
  if (alias !== "") {
    for (let i = 0; i < s.keys.length; i++) {
      if (s.keys[i] !== alias) continue;
      if (found >= 0) {
        const [first, second] = i < found ? [alias, s.keys[found]] : [s.keys[found], alias];
        throw badCall(`${s.ep}: parameter ${JSON.stringify(pname)} given twice (as ${JSON.stringify(first)} and ${JSON.stringify(second)})`);
      }
      found = i;
    }
  }
  if (found < 0) return undefined;
  if (!isUsed(s, found)) {
    if (found < 32) s.usedLo |= 1 << found;
    else s.usedHi |= 1 << (found - 32);
    s.nused++;
  }
  return s.vals[found];
}

// measureTemplate resolves and checks every parameter of t (route.go),
// stores the values in vals and their escaped text in pieces, and returns
// the length in bytes of the built text.
function measureTemplate(s, t, vals, pieces) {
  let n = t.literalLen;
  for (let i = 0; i < t.parts.length; i++) {
    const p = t.parts[i];
    if (p.kind === KIND_LITERAL) continue;
    let v = lookup(s, p.text, p.alias);
    if (v === undefined) {
      if (p.optional) {
        if (s.absent === null) s.absent = [];
        s.absent[i] = true;
        continue;
      }
      if (p.kind === KIND_PARAM) throw missingError(s.ep, t.pattern, p.text);
      v = "";
    }
    if (p.kind === KIND_WILDCARD && p.slashed && v.startsWith("/")) v = v.slice(1);
    let why;
    if (t.host) why = checkHostLabel(p, v);
    else {
      why = checkText(v);
      if (why === "") why = p.kind === KIND_PARAM ? checkParam(t, p, v) : checkWildcard(t, p, v);
    }
    let by = "";
    if (why === "" && p.taken !== null) {
      const hit = checkTaken(p.taken, v);
      if (hit !== null) [why, by] = hit;
    }
    if (why !== "") throw paramError(s.ep, t.pattern, p.text, v, why, by);
    vals[i] = v;
    // Host labels are written as they are; escaped text is ASCII, so its
    // length is its length in bytes.
    const piece = t.host ? v : escape(v, p.kind === KIND_PARAM ? RAW_SEGMENT : RAW_PATH);
    pieces[i] = piece;
    n += piece.length;
  }
  return n;
}

// hasUnroutable reports whether v's UTF-8 holds a byte of t.unroutable.
function hasUnroutable(t, v) {
  const mask = t.unroutAscii;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80) {
      if (mask[c] === 1) return true;
    } else if (t.unroutHigh) {
      for (let j = 0; j < t.unroutBytes.length; j++) if (hasByte(v, t.unroutBytes.charCodeAt(j))) return true;
      return false;
    }
  }
  return false;
}

function byteName(b) {
  // Go's %q of a byte: a quoted rune.
  return b < 0x80 ? quoteRune(String.fromCharCode(b)) : "'\\x" + b.toString(16).padStart(2, "0") + "'";
}

function quoteRune(ch) {
  const j = JSON.stringify(ch);
  return "'" + j.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'") + "'";
}

function checkParam(t, p, v) {
  if (v === "") return "is empty";
  if (v === "." || v === "..") return "is a dot segment, which clients and routers remove (RFC 3986 \u00a75.2.4)";
  if (t.unroutBytes !== "" && hasUnroutable(t, v)) {
    return `contains one of ${JSON.stringify(t.unroutable)}, which this router cannot route back even percent-encoded`;
  }
  if (p.stop >= 0 && !t.backtracks && (p.stopChar !== "" ? v.includes(p.stopChar) : hasByte(v, p.stop))) return `contains ${byteName(p.stop)}, where this router ends the parameter`;
  if (p.re !== null && !p.re.test(v)) return `does not match the constraint ${JSON.stringify(p.constraint)}`;
  return "";
}

function checkWildcard(t, p, v) {
  if (p.re !== null && !p.re.test(v)) return `does not match the constraint ${JSON.stringify(p.constraint)}`;
  if (v === "") return "";
  for (let i = 0; i < t.unroutBytes.length; i++) {
    const b = t.unroutBytes.charCodeAt(i);
    if (b !== 0x2f && hasByte(v, b)) return `contains ${byteName(b)}, which this router cannot route back even percent-encoded`;
  }
  if (v[0] === "/") {
    return 'starts with "/", which would put "//" in the path (routers clean or redirect it; at the root it reads as another host)';
  }
  if (v[v.length - 1] === "/") return 'ends with "/" (an empty segment), which routers clean or redirect';
  for (const seg of v.split("/")) {
    if (seg === "") return 'has an empty segment ("//"), which routers clean or redirect';
    if (seg === "." || seg === "..") return "has a dot segment, which clients and routers remove (RFC 3986 \u00a75.2.4)";
  }
  return "";
}

function checkHostLabel(p, v) {
  if (v === "") return "is empty";
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x80 || (CLASSES[c] & HOST_LABEL) === 0) return "is not a host label (letters, digits and inner hyphens, RFC 1123)";
  }
  if (v[0] === "-" || v[v.length - 1] === "-") return "starts or ends with a hyphen, which a host label cannot (RFC 1123)";
  if (p.re !== null && !p.re.test(v)) return `does not match the constraint ${JSON.stringify(p.constraint)}`;
  return "";
}

// startsWithDoubleSlash reports whether the path, built without a prefix,
// would start with "//" (route.go pathStartsWithDoubleSlash).
function startsWithDoubleSlash(t, vals, absent) {
  let head = "";
  for (let i = 0; i < t.parts.length && head.length < 2; i++) {
    const p = t.parts[i];
    let text;
    if (p.kind === KIND_LITERAL) text = p.text;
    else if (absent !== null && absent[i] === true) {
      if (i + 1 < t.parts.length && t.parts[i + 1].text.startsWith("/") && head.endsWith("/")) head = head.slice(0, -1);
      continue;
    } else text = vals[i];
    for (let j = 0; j < text.length && head.length < 2; j++) {
      let ch = text[j];
      const c = text.charCodeAt(j);
      if (p.kind === KIND_PARAM && (c >= 0x80 || (CLASSES[c] & RAW_SEGMENT) === 0)) ch = "%";
      head += ch;
    }
  }
  return head === "//";
}

// measureQuery checks the route's required query values and the unused
// pairs, and returns the query string ("" or "?..."), route values first,
// then the unused pairs sorted by key in byte order, stably.
function measureQuery(s, c) {
  const { keys, vals } = s;
  if (c.query.length === 0 && s.nused === keys.length) return "";
  let out = "";
  for (const q of c.query) {
    let v = q.value.text;
    if (q.value.kind === KIND_PARAM) {
      v = lookup(s, q.value.text, "");
      if (v === undefined) throw missingError(s.ep, c.pattern, q.value.text);
      let why = checkText(v);
      if (why === "" && q.value.re !== null && !q.value.re.test(v)) why = `does not match the constraint ${JSON.stringify(q.value.constraint)}`;
      if (why !== "") throw paramError(s.ep, c.pattern, q.value.text, v, why, "");
    }
    out += (out === "" ? "?" : "&") + escape(q.key, RAW_QUERY) + "=" + escape(v, RAW_QUERY);
  }
  const extra = [];
  for (let i = 0; i < keys.length; i++) {
    if (isUsed(s, i)) continue;
    if (keys[i] === "") throw badCall(`${s.ep}: a pair has an empty key`);
    let why = checkText(keys[i]);
    if (why !== "") throw badCall(`${s.ep}: query key ${quote(keys[i])} ${why}`);
    why = checkText(vals[i]);
    if (why !== "") throw paramError(s.ep, c.pattern, keys[i], vals[i], why, "");
    extra.push(i);
  }
  // Insertion sort by key, as route.go: stable, and the lists are short.
  for (let i = 1; i < extra.length; i++) {
    for (let j = i; j > 0 && compareBytes(keys[extra[j]], keys[extra[j - 1]]) < 0; j--) {
      const tmp = extra[j];
      extra[j] = extra[j - 1];
      extra[j - 1] = tmp;
    }
  }
  for (let j = 0; j < extra.length; j++) {
    const i = extra[j];
    out += (out === "" ? "?" : "&") + escape(keys[i], RAW_QUERY) + "=" + escape(vals[i], RAW_QUERY);
  }
  return out;
}

// writeTemplate writes t from the escaped pieces of its parameters
// (route.go writeTemplate); absent marks the optional parameters left out.
// s.lastSeg is left with the text after the last "/" written, or null when
// an optional parameter was left out (see surelyNoInvitePath).
function writeTemplate(s, t, pieces, absent) {
  let out = "";
  let cut = false;
  const n = t.parts.length;
  for (let i = 0; i < n; i++) {
    const p = t.parts[i];
    if (p.kind === KIND_LITERAL) {
      out += p.text;
    } else if (absent !== null && absent[i] === true) {
      // An optional parameter left out takes its leading "/" with it when
      // the next part brings its own, or when it is last and the
      // template's text keeps more than that "/".
      const next = i + 1 < n ? t.parts[i + 1].text : "";
      if (out.endsWith("/") && ((next !== "" && next[0] === "/") || (next === "" && out.length > 1))) {
        out = out.slice(0, -1);
      }
      cut = true;
    } else {
      out += pieces[i];
    }
  }
  if (cut) {
    s.lastSeg = null;
    return out;
  }
  if (t.lastSeg !== undefined) {
    s.lastSeg = t.lastSeg; // the same string every time: its hash is kept
    return out;
  }
  // The last segment, from the last parts (which are flat strings).
  let seg = "";
  for (let i = n - 1; i >= 0; i--) {
    const text = t.parts[i].kind === KIND_LITERAL ? t.parts[i].text : pieces[i];
    const j = text.lastIndexOf("/");
    if (j >= 0) {
      seg = text.slice(j + 1) + seg;
      break;
    }
    seg = text + seg;
  }
  s.lastSeg = seg;
  return out;
}

// surelyNoInvitePath is core's quick test (guard.go lastMatches): a path
// whose last segment, decoded, is a name that no invite path ends with is
// no invite path. lastSeg is the text after the path's last "/" as
// written; it is the decoded path's last segment when it has no "%" and is
// neither empty (a trailing "/": trimmed), "." nor ".." (cleaned away).
// Anything else takes the whole test.
function surelyNoInvitePath(d, lastSeg) {
  if (lastSeg === null || lastSeg === "" || lastSeg === "." || lastSeg === ".." || lastSeg.includes("%")) return false;
  if (d.guardLastLower === null) return false; // a non-ASCII invite path
  if (!d.guardLastLens.includes(lastSeg.length)) return true;
  // Only ASCII folds to ASCII at the same byte length: a last segment with
  // other characters matches no ASCII name.
  for (let i = 0; i < lastSeg.length; i++) if (lastSeg.charCodeAt(i) >= 0x80) return true;
  return !d.guardLastLower.has(asciiLower(lastSeg));
}

function asciiLower(s) {
  let out = s;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      out = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
      break;
    }
  }
  return out;
}

// nestedCandidates keeps the nested mount prefixes that a path of the
// endpoint can start with at all, judged from its leading literal text, so
// that most endpoints skip the test.
function nestedCandidates(nested, c) {
  const lead = c.prefix + c.path.parts[0].text;
  const full = c.path.parts.length === 1;
  return nested.filter((q) => {
    if (full) return lead.startsWith(q);
    return lead.startsWith(q) || q.startsWith(lead);
  });
}

// refuse is Participant.refuse: a built URL the dispatcher would not route
// back, blamed on the route's first path parameter, with the value given.
function refuse(x, c, s, why) {
  const e = new PartylineError("invalid_param", "", { endpoint: s.ep, pattern: c.pattern, param: "", value: "", reason: why });
  if (c.path.params.length > 0) {
    e.param = c.path.params[0];
    const first = c.path.parts.find((p) => p.kind !== KIND_LITERAL);
    const alias = first ? first.alias : "";
    for (let i = 0; i < s.keys.length; i++) {
      if (s.keys[i] === e.param || (alias !== "" && s.keys[i] === alias)) e.value = s.vals[i];
    }
  }
  e.message = `partyline: ${s.ep}: parameter ${quote(e.param)} value ${quote(e.value)} ${why} (pattern ${JSON.stringify(c.pattern)})`;
  return e;
}

// ------------------------------------------------------------ invite paths

// isInvitePath is core.Party.IsInvitePath: the path is percent-decoded (a
// bad escape is no invite path), cleaned as path.Clean when it has an
// empty, "." or ".." segment, stripped of a trailing "/", and compared
// with every invite path of the same byte length, ignoring case
// (strings.EqualFold).
function isInvitePath(guards, path) {
  if (guards.length === 0) return false;
  let p = toBytes(path);
  if (p.includes("%")) {
    p = unescapeBytes(p);
    if (p === null) return false;
  }
  if (needsClean(p)) p = cleanPath(p);
  p = trimSlash(p);
  for (const g of guards) if (g.length === p.length && equalFoldBytes(g, p)) return true;
  return false;
}

function unescapeBytes(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const h = s.slice(i + 1, i + 3);
    if (h.length < 2 || !/^[0-9a-fA-F]{2}$/.test(h)) return null;
    out += String.fromCharCode(parseInt(h, 16));
    i += 2;
  }
  return out;
}

function trimSlash(p) {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

// needsClean is core/guard.go's: an empty, "." or ".." segment after the
// first byte.
function needsClean(p) {
  for (let i = 1; i < p.length; i++) {
    const c = p[i];
    if (p[i - 1] !== "/" || (c !== "/" && c !== ".")) continue;
    if (c === "/") return true;
    const rest = p.slice(i);
    if (rest === "." || rest === ".." || rest.startsWith("./") || rest.startsWith("../")) return true;
  }
  return false;
}

// cleanPath is Go's path.Clean.
function cleanPath(p) {
  if (p === "") return ".";
  const rooted = p[0] === "/";
  const n = p.length;
  let out = rooted ? "/" : "";
  let r = rooted ? 1 : 0;
  let dotdot = rooted ? 1 : 0;
  while (r < n) {
    if (p[r] === "/") {
      r++;
    } else if (p[r] === "." && (r + 1 === n || p[r + 1] === "/")) {
      r++;
    } else if (p[r] === "." && p[r + 1] === "." && (r + 2 === n || p[r + 2] === "/")) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== "/") w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += "/";
        out += "..";
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += "/";
      for (; r < n && p[r] !== "/"; r++) out += p[r];
    }
  }
  return out === "" ? "." : out;
}
