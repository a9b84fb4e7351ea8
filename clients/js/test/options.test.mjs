// The call: params, the query string, fragments, origins, errors and the
// manifest itself (urlfor/builder_test.go, template_test.go, origin_test.go).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MANIFEST_VERSION, PartylineError, urlFor } from "../partyline.js";
import { manifest, refused, route } from "./helpers.mjs";

const blog = manifest([{ prefix: "/blog", routes: [route("post", "/posts/{id}"), route("cart", "/cart")] }], { origin: "https://example.com" });

describe("params", () => {
  it("a plain object or [key, value] pairs", () => {
    assert.equal(urlFor(blog, "blog:post", { id: "7" }), "/blog/posts/7");
    assert.equal(urlFor(blog, "blog:post", [["id", "7"]]), "/blog/posts/7");
    assert.equal(urlFor(blog, "blog:cart"), "/blog/cart");
    assert.equal(urlFor(blog, "blog:cart", null), "/blog/cart");
  });
  it("any iterable of pairs: a Map, URLSearchParams", () => {
    assert.equal(urlFor(blog, "blog:post", new Map([["id", 7], ["q", "a b"]])), "/blog/posts/7?q=a+b");
    assert.equal(urlFor(blog, "blog:post", new URLSearchParams("id=7&tag=b&tag=a")), "/blog/posts/7?tag=b&tag=a");
  });
  it("numbers, booleans and bigints are written with String()", () => {
    assert.equal(urlFor(blog, "blog:post", { id: 7, a: true, b: 12345678901234567890n, c: 1.5, d: -0 }), "/blog/posts/7?a=true&b=12345678901234567890&c=1.5&d=0");
  });
  it("anything else is a bad call", () => {
    for (const v of [undefined, null, {}, [], () => 1, Symbol("x"), new String("7")]) {
      refused(() => urlFor(blog, "blog:post", { id: v }), { code: "bad_call" });
    }
    for (const p of [[["id"]], [["id", "7", "x"]], ["id", "7"], [[7, "7"]], "id=7", 7]) {
      refused(() => urlFor(blog, "blog:post", p), { code: "bad_call" });
    }
  });
  it("an empty key is a bad call", () => refused(() => urlFor(blog, "blog:post", [["id", "7"], ["", "x"]]), { code: "bad_call", message: /empty key/ }));
  it("the path's key given twice is a bad call; another key may repeat", () => {
    refused(() => urlFor(blog, "blog:post", [["id", "7"], ["id", "8"]]), { code: "bad_call", message: /given twice/ });
    assert.equal(urlFor(blog, "blog:post", [["id", "7"], ["tag", "b"], ["tag", "a"]]), "/blog/posts/7?tag=b&tag=a");
  });
});

describe("the query string", () => {
  // TestQueryString
  for (const [pairs, want] of [
    [[["id", "7"], ["page", "2"]], "/blog/posts/7?page=2"],
    [[["z", "1"], ["id", "7"], ["a", "2"], ["m", "3"]], "/blog/posts/7?a=2&m=3&z=1"],
    [[["id", "7"], ["tag", "b"], ["x", "0"], ["tag", "a"], ["tag", "c"]], "/blog/posts/7?tag=b&tag=a&tag=c&x=0"],
    [[["id", "7"], ["q", "red shoes"]], "/blog/posts/7?q=red+shoes"],
    [[["id", "7"], ["q", "a&b=c#d"]], "/blog/posts/7?q=a%26b%3Dc%23d"],
    [[["id", "7"], ["q", "1+1=2"]], "/blog/posts/7?q=1%2B1%3D2"],
    [[["id", "7"], ["q", "café 日本"]], "/blog/posts/7?q=caf%C3%A9+%E6%97%A5%E6%9C%AC"],
    [[["id", "7"], ["q", "a/b?c;d%"]], "/blog/posts/7?q=a%2Fb%3Fc%3Bd%25"],
    [[["id", "7"], ["q", ""]], "/blog/posts/7?q="],
    [[["id", "7"], ["a b", "1"], ["k&=", "2"]], "/blog/posts/7?a+b=1&k%26%3D=2"],
    [[["id", "7"], ["#", "top"]], "/blog/posts/7?%23=top"],
    [[["id", "7"], ["x", "#top"]], "/blog/posts/7?x=%23top"],
    [[["id", "7"], ["b", "1"], ["B", "2"], ["a", "3"]], "/blog/posts/7?B=2&a=3&b=1"],
    [[["id", "7"], ["~", "1"], ["*", "2"]], "/blog/posts/7?%2A=2&~=1"],
  ]) {
    it(JSON.stringify(pairs.slice(1)), () => assert.equal(urlFor(blog, "blog:post", pairs), want));
  }
  it("keys sort by their UTF-8 bytes, not UTF-16 units", () => {
    // U+FFFF (EF BF BF) sorts before U+1F389 (F0 9F 8E 89) in UTF-8; in
    // UTF-16 the surrogate D83C comes first.
    assert.equal(urlFor(blog, "blog:post", [["id", "7"], ["\u{1F389}", "x"], ["\uffff", "y"], ["é", "z"]]), "/blog/posts/7?%C3%A9=z&%EF%BF%BF=y&%F0%9F%8E%89=x");
  });
  it("a bad value is an invalid parameter named by its key", () => {
    for (const q of ["\ud800", "a\x00"]) refused(() => urlFor(blog, "blog:post", [["id", "7"], ["q", q]]), { code: "invalid_param", param: "q", value: q });
  });
  it("a bad key is a bad call naming it", () => {
    for (const k of ["\udc00", "a\x00"]) refused(() => urlFor(blog, "blog:post", [["id", "7"], [k, "x"]]), { code: "bad_call", message: /query key/ });
  });
});

describe("fragments", () => {
  // TestFragment, TestFragmentOption
  for (const [fragment, want] of [
    ["top", "/blog/posts/7#top"],
    ["sec 2", "/blog/posts/7#sec%202"],
    ["a#b", "/blog/posts/7#a%23b"],
    ["/path?x=1&y", "/blog/posts/7#/path?x=1&y"],
    ["100%", "/blog/posts/7#100%25"],
    ["café", "/blog/posts/7#caf%C3%A9"],
    ["<script>", "/blog/posts/7#%3Cscript%3E"],
    ["!$&'()*+,;=:@/?", "/blog/posts/7#!$&'()*+,;=:@/?"],
    ["", "/blog/posts/7"],
  ]) {
    it(JSON.stringify(fragment), () => assert.equal(urlFor(blog, "blog:post", { id: "7" }, { fragment }), want));
  }
  it("after the query", () => assert.equal(urlFor(blog, "blog:post", { id: "7", page: "2" }, { fragment: "comment 3" }), "/blog/posts/7?page=2#comment%203"));
  it("a fragment that is not text is a bad call", () => {
    for (const fragment of ["\ud800", "a\x00", 7]) refused(() => urlFor(blog, "blog:post", { id: "7" }, { fragment }), { code: "bad_call" });
  });
  it("escaped per byte, as RFC 3986 §3.5 allows", () => {
    // TestFragmentClass: every ASCII character.
    const allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";
    for (let c = 1; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const got = urlFor(blog, "blog:cart", null, { fragment: ch }).slice("/blog/cart#".length);
      assert.equal(got, allowed.includes(ch) ? ch : "%" + c.toString(16).toUpperCase().padStart(2, "0"));
    }
  });
});

describe("absolute URLs", () => {
  it("absolute: true writes the manifest's origin", () => {
    assert.equal(urlFor(blog, "blog:post", { id: "7" }, { absolute: true }), "https://example.com/blog/posts/7");
  });
  it("options.origin wins, and makes the URL absolute", () => {
    assert.equal(urlFor(blog, "blog:post", { id: "7" }, { origin: "http://localhost:8080" }), "http://localhost:8080/blog/posts/7");
    assert.equal(urlFor(blog, "blog:post", { id: "7" }, { origin: "HTTPS://Example.com/", absolute: true }), "https://Example.com/blog/posts/7");
    assert.equal(urlFor(blog, "blog:post", { id: "7" }, { origin: "http://localhost:8080", absolute: false }), "/blog/posts/7");
  });
  it("with no origin at all, absolute is a bad call", () => {
    const m = manifest([{ prefix: "/blog", routes: [route("post", "/posts/{id}")] }]);
    refused(() => urlFor(m, "blog:post", { id: "7" }, { absolute: true }), { code: "bad_call", message: /origin/ });
  });
  it("origins are checked as urlfor.ParseOrigin checks them", () => {
    // TestRequestOriginIsChecked, origin_test.go, host.go
    for (const o of [
      "javascript://x", "ftp://x", "https://evil.example/x", "https://a@b", "https://a b", "example.com", "https://",
      "https://[::1", "https://[1.2.3.4]", "https://[fe80::1%25eth0]", "https://[1::2::3]", "https://[::12345]",
      "https://1.2.3", "https://999.1.1.1", "https://01.2.3.4", "https://example.com:99999", "https://example.com:",
      "https://-a.com", "https://exa_mple.com", "https://é.com", "https://" + "a".repeat(64) + ".com",
    ]) {
      refused(() => urlFor(blog, "blog:post", { id: "7" }, { origin: o }), { code: "bad_call" });
    }
    for (const [o, want] of [
      ["https://[::1]:8443", "https://[::1]:8443"],
      ["https://[::ffff:1.2.3.4]", "https://[::ffff:1.2.3.4]"],
      ["https://[1:2:3:4:5:6:7:8]", "https://[1:2:3:4:5:6:7:8]"],
      ["https://1.2.3.4", "https://1.2.3.4"],
      ["https://example.com.", "https://example.com."],
      ["https://xn--bcher-kva.example", "https://xn--bcher-kva.example"],
    ]) {
      assert.equal(urlFor(blog, "blog:post", { id: "7" }, { origin: o }), want + "/blog/posts/7");
    }
  });
});

describe("errors", () => {
  it("are PartylineErrors with a code", () => {
    const e = refused(() => urlFor(blog, "blog:post"), { code: "missing_param", param: "id", endpoint: "blog:post", pattern: "/posts/{id}", missing: true });
    assert.ok(e instanceof PartylineError && e instanceof Error);
    assert.equal(e.name, "PartylineError");
    assert.match(e.message, /^partyline: blog:post: missing parameter "id" for pattern "\/posts\/\{id\}"$/);
  });
  it("quote long values cut, with their length", () => {
    const e = refused(() => urlFor(blog, "blog:post", { id: "." + "x".repeat(100) + "/" }, { fragment: "\x00" }), { code: "bad_call" });
    assert.ok(e.message.length < 200, e.message);
    const f = refused(() => urlFor(manifest([{ prefix: "/b", routes: [route("p", "/{id:[0-9]+}")] }]), "b:p", { id: "x".repeat(100) }), { code: "invalid_param" });
    assert.match(f.message, /… \(100 bytes\)/);
    assert.equal(f.value, "x".repeat(100));
  });
});

describe("the manifest", () => {
  it("must be of this version", () => {
    assert.equal(MANIFEST_VERSION, "partyline.manifest/1");
    for (const m of [{}, { partyline: "partyline.manifest/2", endpoints: {} }, null, "x"]) {
      refused(() => urlFor(m, "x"), { code: "bad_call" });
    }
  });
  it("with no endpoints, every name is unknown", () => {
    refused(() => urlFor({ partyline: MANIFEST_VERSION }, "x"), { code: "unknown_endpoint", suggestions: [] });
  });
  it("is compiled once per object: treat it as immutable", () => {
    const m = manifest([{ prefix: "/blog", routes: [route("post", "/posts/{id}")] }]);
    assert.equal(urlFor(m, "blog:post", { id: "1" }), "/blog/posts/1");
    m.endpoints["blog:post"].prefix = "/other";
    assert.equal(urlFor(m, "blog:post", { id: "1" }), "/blog/posts/1");
    const copy = structuredClone(m);
    assert.equal(urlFor(copy, "blog:post", { id: "1" }), "/other/posts/1");
    assert.equal(urlFor(m, "blog:post", { id: "1" }), "/blog/posts/1");
  });
  it("an endpoint that failed to compile keeps failing, others build", () => {
    const m = manifest([{ prefix: "/b", routes: [route("ok", "/ok"), route("bad", "/{id:[}", { path: [{ kind: "literal", text: "/" }, { kind: "param", text: "id", pattern: "[", js: "[" }] })] }]);
    refused(() => urlFor(m, "b:bad", { id: "1" }), { code: "untranslatable" });
    refused(() => urlFor(m, "b:bad", { id: "1" }), { code: "untranslatable" });
    assert.equal(urlFor(m, "b:ok"), "/b/ok");
  });
  it("constraints are ECMAScript with the u flag, anchored", () => {
    // What urlfor.JSRegexp writes for (?i)straße|k and \p{Greek}+.
    const m = manifest([{ prefix: "/b", routes: [
      route("fold", "/f/{w}", { path: [{ kind: "literal", text: "/f/" }, { kind: "param", text: "w", pattern: "(?i)straße|k", js: "(?:[Ss\\u{17f}][Tt][Rr][Aa][\\u{df}\\u{1e9e}][Ee]|[Kk\\u{212a}])" }] }),
      route("astral", "/a/{w}", { path: [{ kind: "literal", text: "/a/" }, { kind: "param", text: "w", pattern: ".", js: "[^\\n]" }] }),
    ] }]);
    for (const w of ["STRAẞE", "ſtraße", "\u212A", "k"]) urlFor(m, "b:fold", { w });
    for (const w of ["strasse", "kk", "straßek"]) refused(() => urlFor(m, "b:fold", { w }), { code: "invalid_param" });
    // "." is one code point, as in Go, not one UTF-16 unit.
    assert.equal(urlFor(m, "b:astral", { w: "🎉" }), "/b/a/%F0%9F%8E%89");
  });
});
