// Names: urlfor/builder_test.go's shop, blog and forum party (registry.go's
// resolution, suggest.go's "did you mean").

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PartylineError, urlFor } from "../partyline.js";
import { manifest, refused, route } from "./helpers.mjs";

// newShopBlog: a shop at the root (no namespace: bare names only), a blog
// at /blog and a forum at /forum.
const shopBlog = manifest([
  { prefix: "", routes: [route("home", "/"), route("cart", "/cart"), route("product", "/products/{sku:[A-Z0-9-]+}")] },
  {
    prefix: "/blog",
    ns: "blog",
    routes: [
      route("home", "/"),
      route("post", "/posts/{id}"),
      route("archive", "/{year:[0-9]{4}}/{slug}"),
      route("file", "/files/{*path}"),
      route("search", "/search"),
    ],
  },
  { prefix: "/forum", routes: [route("home", "/"), route("thread", "/t/{id}")] },
]);

describe("names", () => {
  it("qualified and bare names reach the one endpoint", () => {
    // TestURLCrossApp
    for (const [name, params, want] of [
      ["blog:post", { id: "7" }, "/blog/posts/7"],
      ["post", { id: "7" }, "/blog/posts/7"],
      ["blog:home", {}, "/blog/"],
      ["blog:archive", { slug: "hello", year: "2024" }, "/blog/2024/hello"],
      ["blog:file", { path: "a/b c.txt" }, "/blog/files/a/b%20c.txt"],
      ["cart", undefined, "/cart"],
      ["product", { sku: "AB-1" }, "/products/AB-1"],
      ["forum:thread", { id: "9" }, "/forum/t/9"],
      ["thread", { id: "9" }, "/forum/t/9"],
    ]) {
      assert.equal(urlFor(shopBlog, name, params), want, name);
    }
  });

  it("a qualified name asks only its namespace", () => {
    // TestQualifiedNamesGoOnlyToTheirNamespace
    assert.equal(urlFor(shopBlog, "forum:home"), "/forum/");
    for (const name of ["blog:thread", "forum:post", "shop:cart", "nope:home", ":home", "blog:"]) {
      refused(() => urlFor(shopBlog, name, { id: "1" }), { code: "unknown_endpoint", endpoint: name });
    }
  });

  it("a bare name of several endpoints is ambiguous, with sorted candidates", () => {
    // TestBareNameAmbiguity
    const e = refused(() => urlFor(shopBlog, "home"), {
      code: "ambiguous",
      endpoint: "home",
      candidates: ["blog:home (GET /)", "forum:home (GET /)", "home (GET /)"],
    });
    for (const c of e.candidates) assert.ok(e.message.includes(c));
  });

  it("two routes of one name in one app are ambiguous, qualified or bare", () => {
    // TestDuplicateNamesInOneApp
    const m = manifest([{ prefix: "/blog", routes: [route("post", "/posts/{id}"), { ...route("post", "/posts"), method: "POST" }, route("home", "/")] }]);
    for (const name of ["blog:post", "post"]) {
      refused(() => urlFor(m, name, { id: "1" }), { code: "ambiguous", candidates: ["blog:post (GET /posts/{id})", "blog:post (POST /posts)"] });
    }
    assert.equal(urlFor(m, "home"), "/blog/");
  });

  it("an app's duplicate and another app's name make one ambiguity", () => {
    const m = manifest([
      { prefix: "/blog", routes: [route("post", "/posts/{id}"), { ...route("post", "/posts"), method: "POST" }] },
      { prefix: "/news", routes: [{ ...route("post", "GET /p/{id}"), path: [{ kind: "literal", text: "/p/" }, { kind: "param", text: "id" }] }] },
    ]);
    refused(() => urlFor(m, "post", { id: "1" }), {
      code: "ambiguous",
      // net/http patterns carry their method: it is not repeated.
      candidates: ["blog:post (GET /posts/{id})", "blog:post (POST /posts)", "news:post (GET /p/{id})"],
    });
    assert.equal(urlFor(m, "news:post", { id: "1" }), "/news/p/1");
  });

  it("an empty name is a bad call; a non-string name too", () => {
    refused(() => urlFor(shopBlog, ""), { code: "bad_call", message: /empty endpoint name/ });
    refused(() => urlFor(shopBlog, 7), { code: "bad_call" });
  });
});

describe("did you mean", () => {
  // TestUnknownEndpointSuggestions
  for (const [name, first] of [
    ["blog:pots", "blog:post"],
    ["blog:Post", "blog:post"],
    ["pots", "post"],
    ["blog:thread", "forum:thread"],
    ["blog:cart", "cart"],
    ["chart", "cart"],
    ["blog:zzzzzzzzzzzz", undefined],
  ]) {
    it(name, () => {
      const e = refused(() => urlFor(shopBlog, name), { code: "unknown_endpoint", endpoint: name });
      assert.ok(e instanceof PartylineError && e instanceof Error);
      if (first === undefined) {
        assert.deepEqual(e.suggestions, []);
        assert.ok(!e.message.includes("did you mean"), e.message);
        return;
      }
      assert.equal(e.suggestions[0], first);
      assert.ok(e.suggestions.length <= 3);
      assert.ok(e.message.startsWith(`partyline: unknown endpoint "${name}" (did you mean "${first}"`), e.message);
    });
  }

  it("closest first, ties in byte order, at most three", () => {
    const m = manifest([{ prefix: "/a", routes: ["post", "pose", "posh", "most", "Post2"].map((n) => route(n, "/" + n)) }]);
    // "posx": the bare names pose, posh, post at 1, most at 2; the
    // qualified ones are 3 away, past the limit (2).
    const e = refused(() => urlFor(m, "posx"), { code: "unknown_endpoint" });
    assert.deepEqual(e.suggestions, ["pose", "posh", "post"]);
    const f = refused(() => urlFor(m, "a:posx"), { code: "unknown_endpoint" });
    assert.deepEqual(f.suggestions, ["a:pose", "a:posh", "a:post"]);
  });

  it("compares lower-cased UTF-8 bytes, as Go", () => {
    const m = manifest([{ prefix: "/a", routes: [route("café", "/c"), route("straße", "/s")] }]);
    // The same local name, bare, scores 1.
    assert.deepEqual(refused(() => urlFor(m, "a:CAFÉ"), { code: "unknown_endpoint" }).suggestions, ["a:café", "café"]);
    // "strasse" is two byte edits from "straße" (ß is two bytes).
    assert.deepEqual(refused(() => urlFor(m, "a:strasse"), { code: "unknown_endpoint" }).suggestions, ["a:straße"]);
    // U+0130 lowers to "i" in Go (simple mapping), not "i̇".
    const n = manifest([{ prefix: "/a", routes: [route("index", "/i")] }]);
    assert.deepEqual(refused(() => urlFor(n, "a:\u0130ndex"), { code: "unknown_endpoint" }).suggestions, ["a:index", "index"]);
  });

  it("is bounded: a name longer than 256 bytes gets none", () => {
    // TestSuggestBounded
    const routes = [];
    for (let i = 0; i < 300; i++) routes.push(route("x".repeat(i) || "y", "/r" + i));
    routes.push(route("post", "/p"));
    const m = manifest([{ prefix: "/app", routes }, { prefix: "/blog", routes: [route("post", "/p")] }]);
    const t0 = Date.now();
    assert.deepEqual(refused(() => urlFor(m, "blog:" + "p".repeat(1 << 20)), { code: "unknown_endpoint" }).suggestions, []);
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(refused(() => urlFor(m, "blog:pots"), { code: "unknown_endpoint" }).suggestions[0], "blog:post");
    const long = "app:" + "x".repeat(256 - 5) + "y";
    const s = refused(() => urlFor(m, long), { code: "unknown_endpoint" }).suggestions;
    assert.ok(s.length > 0 && s[0].startsWith("app:xxx"), JSON.stringify(s.map((x) => x.length)));
  });
});
