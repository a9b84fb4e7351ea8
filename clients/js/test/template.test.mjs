// Building paths: urlfor/template_test.go's tables, through the client.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { urlFor } from "../partyline.js";
import { build, manifest, one, parts, refused, route } from "./helpers.mjs";

describe("a parameter is escaped as one path segment", () => {
  // TestParamIsEscapedAsOneSegment
  const cases = [
    ["7", "/posts/7"],
    ["hello-world_1.2~x", "/posts/hello-world_1.2~x"],
    ["a/b", "/posts/a%2Fb"],
    ["a?b", "/posts/a%3Fb"],
    ["a#b", "/posts/a%23b"],
    ["100%", "/posts/100%25"],
    ["%2F", "/posts/%252F"],
    ["a b", "/posts/a%20b"],
    ["a+b", "/posts/a+b"],
    ["$&+:=@", "/posts/$&+:=@"],
    ["!'()*", "/posts/%21%27%28%29%2A"],
    [",;", "/posts/,;"],
    ["Smith, John", "/posts/Smith,%20John"],
    ['"<>\\^`{|}', "/posts/%22%3C%3E%5C%5E%60%7B%7C%7D"],
    ["\t\n\r\x01\x1f\x7f", "/posts/%09%0A%0D%01%1F%7F"],
    ["café", "/posts/caf%C3%A9"],
    ["日本", "/posts/%E6%97%A5%E6%9C%AC"],
    ["🎉", "/posts/%F0%9F%8E%89"],
    [".a", "/posts/.a"],
    ["a.", "/posts/a."],
    ["...", "/posts/..."],
    ["~", "/posts/~"],
    ["{id}", "/posts/%7Bid%7D"],
    [":id", "/posts/:id"],
    ["*", "/posts/%2A"],
    ["*path", "/posts/%2Apath"],
    ["{rest...}", "/posts/%7Brest...%7D"],
    ["<int:id>", "/posts/%3Cint:id%3E"],
  ];
  for (const [value, want] of cases) {
    it(JSON.stringify(value), () => assert.equal(build("/posts/{id}", { id: value }), want));
  }
  it("placeholder-looking values are never expanded", () => {
    // TestPlaceholderValuesAreNotReexpanded
    for (const [v, want] of [["{b}", "%7Bb%7D"], [":b", ":b"], ["*b", "%2Ab"], ["{b:[0-9]+}", "%7Bb:%5B0-9%5D+%7D"]]) {
      assert.equal(build("/{a}/{b}", { a: v, b: "B" }), "/" + want + "/B");
    }
  });
});

describe("parameter refusals", () => {
  // TestParamRefusals
  const slashed = manifest([{ ns: "t", routes: [{ name: "r", pattern: "/*path", path: [{ kind: "literal", text: "/" }, { kind: "wildcard", text: "path", slashed: true }] }] }], { invitePaths: [] });
  const cases = [
    ["missing", "/posts/{id}", {}, "id", "missing_param"],
    ["missing other key", "/posts/{id}", { ID: "7" }, "id", "missing_param"],
    ["empty", "/posts/{id}", { id: "" }, "id", "invalid_param", /is empty/],
    ["dot", "/posts/{id}", { id: "." }, "id", "invalid_param", /dot segment/],
    ["dot dot", "/posts/{id}", { id: ".." }, "id", "invalid_param", /dot segment/],
    ["lone high surrogate (invalid UTF-8)", "/posts/{id}", { id: "a\ud800b" }, "id", "invalid_param", /UTF-8/],
    ["lone low surrogate", "/posts/{id}", { id: "caf\udc00" }, "id", "invalid_param", /UTF-8/],
    ["NUL", "/posts/{id}", { id: "a\x00b" }, "id", "invalid_param", /NUL/],
    ["NUL after non-ASCII", "/posts/{id}", { id: "é\x00" }, "id", "invalid_param", /NUL/],
    ["invalid before NUL", "/posts/{id}", { id: "\x00\ud800" }, "id", "invalid_param", /UTF-8/],
    ["second param", "/{year}/{slug}", { year: "2024", slug: ".." }, "slug", "invalid_param", /dot segment/],
    ["wildcard dot", "/files/{*path}", { path: "a/./b" }, "path", "invalid_param", /dot segment/],
    ["wildcard dot dot", "/files/{*path}", { path: "../etc/passwd" }, "path", "invalid_param", /dot segment/],
    ["wildcard ends in dot dot", "/files/{*path}", { path: "a/.." }, "path", "invalid_param", /dot segment/],
    ["wildcard only dot", "/files/{*path}", { path: "." }, "path", "invalid_param", /dot segment/],
    ["wildcard empty segment", "/files/{*path}", { path: "a//b" }, "path", "invalid_param", /empty segment/],
    ["wildcard leading slash", "/files/{*path}", { path: "/a" }, "path", "invalid_param", /starts with "\/"/],
    ["wildcard trailing slash", "/files/{*path}", { path: "a/" }, "path", "invalid_param", /ends with "\/"/],
    ["wildcard lone surrogate", "/files/{*path}", { path: "a/\udfff" }, "path", "invalid_param", /UTF-8/],
    ["wildcard NUL", "/files/{*path}", { path: "a/\x00" }, "path", "invalid_param", /NUL/],
    ["root wildcard //", "/{*path}", { path: "/evil.example/x" }, "path", "invalid_param", /starts with "\/", which would put "\/\/" in the path/],
    ["wildcard inner //", "/files/{*path}", { path: "a//b" }, "path", "invalid_param", /empty segment/],
    ["stop byte", "/{name}.json", { name: "a.b" }, "name", "invalid_param", /contains '\.'/],
    ["stop byte mid-segment", "/v{major}-{minor}", { major: "1-2", minor: "3" }, "major", "invalid_param", /contains '-'/],
    ["constraint", "/posts/{id:[0-9]+}", { id: "12a" }, "id", "invalid_param", /does not match the constraint "\[0-9\]\+"/],
    ["constraint is anchored", "/posts/{id:[0-9]+}", { id: "a1b" }, "id", "invalid_param", /constraint/],
    ["constraint alternation is anchored", "/{lang:en|fr}", { lang: "end" }, "lang", "invalid_param", /constraint/],
    ["wildcard constraint", "/files/{*path:[a-z/]+}", { path: "a/B" }, "path", "invalid_param", /constraint/],
    ["optional empty", "/user/{name?}", { name: "" }, "name", "invalid_param", /is empty/],
    ["optional dot dot", "/user/{name?}", { name: ".." }, "name", "invalid_param", /dot segment/],
  ];
  for (const [name, pattern, params, param, code, reason] of cases) {
    it(name, () => {
      const e = refused(() => build(pattern, params), { code, param, pattern, endpoint: "t:r" });
      if (reason) assert.match(e.reason, reason);
      if (code === "missing_param") assert.match(e.message, /missing parameter "/);
      if (code === "invalid_param") assert.equal(e.value, params[param]);
    });
  }
  it("unroutable", () => {
    refused(() => build("/posts/{id}", { id: "a/b" }, { extra: { unroutable: "/" } }), { code: "invalid_param", param: "id", reason: /cannot route back/ });
  });
  it("root slash-prefixed wildcard //", () => {
    refused(() => urlFor(slashed, "t:r", { path: "//evil.example/x" }), { code: "invalid_param", param: "path", reason: /starts with "\/"/ });
  });
  it("the message names the parameter, the value and the pattern", () => {
    const e = refused(() => build("/posts/{id:[0-9]+}", { id: "seven" }), { code: "invalid_param", value: "seven" });
    for (const s of ['"id"', '"seven"', "[0-9]+", '"/posts/{id:[0-9]+}"']) assert.ok(e.message.includes(s), e.message);
    assert.equal(build("/posts/{id:[0-9]+}", { id: "42" }), "/posts/42");
  });
});

describe("wildcards", () => {
  it("keep / between segments and escape each one", () => {
    // TestWildcard
    for (const [value, want] of [
      ["", "/files/"],
      ["a", "/files/a"],
      ["a/b/c.txt", "/files/a/b/c.txt"],
      ["a b/c?d/e#f/100%", "/files/a%20b/c%3Fd/e%23f/100%25"],
      ["docs/café/日本", "/files/docs/caf%C3%A9/%E6%97%A5%E6%9C%AC"],
      ["{id}/:id/*", "/files/%7Bid%7D/:id/%2A"],
      [".a/..b/c.", "/files/.a/..b/c."],
    ]) {
      assert.equal(build("/files/{*path}", { path: value }), want);
    }
  });
  it("a missing wildcard is an empty one", () => {
    assert.equal(build("/files/{*path}", {}), "/files/");
  });
  it("a slash-prefixed wildcard loses its leading /", () => {
    // TestSlashPrefixedWildcard
    const m = manifest([{ ns: "t", routes: [{ name: "r", pattern: "/files/*path", path: [{ kind: "literal", text: "/files/" }, { kind: "wildcard", text: "path", slashed: true }] }] }], { invitePaths: [] });
    for (const [value, want] of [
      ["/a/b", "/files/a/b"],
      ["a/b", "/files/a/b"],
      ["/", "/files/"],
      ["", "/files/"],
    ]) {
      assert.equal(urlFor(m, "t:r", { path: value }), want);
    }
    for (const value of ["//a", "/a//b", "/./a", "/a/.."]) refused(() => urlFor(m, "t:r", { path: value }), { code: "invalid_param", param: "path" });
  });
  it("unroutable bytes other than / apply to each segment", () => {
    // TestUnroutableInWildcard
    assert.equal(build("/files/{*p}", { p: "a/b" }, { extra: { unroutable: "/;" } }), "/files/a/b");
    refused(() => build("/files/{*p}", { p: "a/b;c" }, { extra: { unroutable: "/;" } }), { code: "invalid_param", param: "p", reason: /contains ';'/ });
  });
  it("the constraint is checked first, even on an empty value", () => {
    refused(() => build("/files/{*p:[a-z/]+}", {}), { code: "invalid_param", param: "p", value: "", reason: /constraint/ });
  });
});

describe("no path starts with //", () => {
  // TestNoLeadingDoubleSlash
  it("param after root", () => assert.equal(build("/{a}", { a: "/evil.example" }), "/%2Fevil.example"));
  it("literal //", () => refused(() => build("//x", {}), { code: "untranslatable", message: /\/\// }));
  it("literal // then a param", () => refused(() => build("//{a}", { a: "x" }), { code: "invalid_param", param: "a", value: "x" }));
  it("literal // is fine under a prefix", () => assert.equal(build("//x", {}, { prefix: "/blog" }), "/blog//x"));
  it("optional left out after root", () => assert.equal(build("/{name?}/edit", {}), "/edit"));
  it("an empty wildcard after //", () => refused(() => build("//{*p}", {}), { code: "invalid_param", param: "p" }));
});

describe("unroutable bytes", () => {
  // TestUnroutable
  const un = { extra: { unroutable: "/" } };
  it("a percent sign is data", () => assert.equal(build("/posts/{id}", { id: "a%2Fb" }, un), "/posts/a%252Fb"));
  it("a / is refused, naming the byte", () => refused(() => build("/posts/{id}", { id: "a/b" }, un), { code: "invalid_param", param: "id", reason: /"\/"/ }));
  it("without Unroutable, / is escaped", () => assert.equal(build("/posts/{id}", { id: "a/b" }), "/posts/a%2Fb"));
  it("a wildcard keeps /", () => assert.equal(build("/files/{*p}", { p: "a/b" }, un), "/files/a/b"));
  it("non-ASCII unroutable bytes are bytes", () => {
    // "é" is C3 A9: "ã" (C3 A3) shares its first byte.
    refused(() => build("/x/{id}", { id: "ã" }, { extra: { unroutable: "é" } }), { code: "invalid_param", param: "id" });
    assert.equal(build("/x/{id}", { id: "日" }, { extra: { unroutable: "é" } }), "/x/%E6%97%A5");
  });
});

describe("stop bytes", () => {
  // TestStopByte
  it("chi and fiber end a parameter at the next literal's first byte", () => {
    assert.equal(build("/{name}.json", { name: "report" }), "/report.json");
    refused(() => build("/{name}.json", { name: "a.b" }), { code: "invalid_param", param: "name" });
  });
  it("gorilla/mux backtracks", () => assert.equal(build("/{name}.json", { name: "a.b" }, { extra: { backtracks: true } }), "/a.b.json"));
  it("a / after the parameter is no stop byte", () => assert.equal(build("/{name}/x", { name: "a.b" }), "/a.b/x"));
  it("the stop byte is worked out from the parts, in UTF-8", () => {
    // The literal "é" starts with byte C3; "ã" is C3 A3; "日" has no C3.
    refused(() => build("/n/{id}é", { id: "ã" }), { code: "invalid_param", param: "id" });
    assert.equal(build("/n/{id}é", { id: "日" }), "/n/%E6%97%A5é");
    // The manifest's "stop" field is not read (Go exports a non-ASCII byte
    // as the rune U+00XX): a wrong one changes nothing.
    const extra = { path: [{ kind: "literal", text: "/n/" }, { kind: "param", text: "id", stop: "x" }, { kind: "literal", text: "é" }] };
    assert.equal(build("/n/{id}é", { id: "x" }, { extra }), "/n/xé");
  });
});

describe("optional parameters", () => {
  // TestOptionalParam
  for (const [pattern, params, want] of [
    ["/user/{name?}", {}, "/user"],
    ["/user/{name?}", { name: "bob" }, "/user/bob"],
    ["/user/{name?}/edit", {}, "/user/edit"],
    ["/user/{name?}/edit", { name: "bob" }, "/user/bob/edit"],
    ["/{name?}", {}, "/"],
    ["/{name?}", { name: "bob" }, "/bob"],
    ["/{name?}/edit", {}, "/edit"],
    ["/{a?}/{b?}", {}, "/"],
    ["/{a?}/{b?}", { b: "y" }, "/y"],
    ["/{a?}/{b?}", { a: "x" }, "/x"],
    ["/{a?}/{b?}/x", {}, "/x"],
    ["/user/{name?}.json", {}, "/user/.json"],
    ["/files/{*path?}", {}, "/files"],
    ["/files/{*path?}", { path: "a/b" }, "/files/a/b"],
  ]) {
    it(`${pattern} ${JSON.stringify(params)}`, () => assert.equal(build(pattern, params), want));
  }
  // TestOptionalParamUnderPrefix
  for (const [pattern, want] of [
    ["/{name?}", "/blog/"],
    ["/", "/blog/"],
    ["/user/{name?}", "/blog/user"],
    ["/{name?}/edit", "/blog/edit"],
  ]) {
    it(`${pattern} under /blog`, () => assert.equal(build(pattern, {}, { prefix: "/blog" }), want));
  }
});

describe("pairs", () => {
  it("a key given twice is a bad call", () => {
    refused(() => build("/posts/{id}", [["id", "7"], ["id", "8"]]), { code: "bad_call", message: /"id" given twice/ });
  });
  it("more than 64 pairs is a bad call; 64 are fine", () => {
    const many = [["id", "7"]];
    for (let i = 0; many.length < 65; i++) many.push([`k${i}`, "v"]);
    refused(() => build("/posts/{id}", many), { code: "bad_call", message: /more than 64 pairs/ });
    const u = build("/posts/{id}", many.slice(0, 64));
    assert.ok(u.startsWith("/posts/7?k0=v&k1=v&k10=v&"), u);
    assert.equal(u.split("&").length, 63);
  });
  it("accessors: params in order", () => {
    // TestTemplateAccessors
    assert.equal(build("/{year}/{slug}.html/{*rest}", { year: "2024", slug: "hi", rest: "a/b" }), "/2024/hi.html/a/b");
  });
  it("long templates and many pairs", () => {
    // TestLongTemplatesAndManyPairs
    const pairs = [["g", "7"], ["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"], ["e", "5"], ["f", "6"]];
    assert.equal(build("/{a}/{b}/{c}/{d}/{e}/{f}/{g}", pairs), "/1/2/3/4/5/6/7");
    const more = pairs.slice();
    for (let i = 12; i > 0; i--) more.push([`k${String(i).padStart(2, "0")}`, String(i)]);
    more.push(["k01", "again"]);
    assert.equal(
      build("/{a}/{b}/{c}/{d}/{e}/{f}/{g}", more, { prefix: "/p" }),
      "/p/1/2/3/4/5/6/7?k01=1&k01=again&k02=2&k03=3&k04=4&k05=5&k06=6&k07=7&k08=8&k09=9&k10=10&k11=11&k12=12",
    );
  });
  it("literals are merged, empty ones dropped", () => {
    // TestNewTemplateMergesLiterals
    const extra = { path: [{ kind: "literal", text: "/a" }, { kind: "literal", text: "" }, { kind: "literal", text: "/b/" }, { kind: "param", text: "id" }] };
    assert.equal(build("/a/b/{id}", { id: "1" }, { extra }), "/a/b/1");
  });
});

describe("templates the client cannot compile are untranslatable", () => {
  // TestNewTemplateErrors, as a manifest could carry them.
  const P = (...ps) => ps;
  const L = (text) => ({ kind: "literal", text });
  const cases = [
    ["no parts", P()],
    ["no leading slash", P(L("posts/"), { kind: "param", text: "id" })],
    ["param first", P({ kind: "param", text: "id" })],
    ["wildcard not last", P(L("/"), { kind: "wildcard", text: "p" }, L("/x"))],
    ["duplicate param", P(L("/"), { kind: "param", text: "id" }, L("/"), { kind: "param", text: "id" })],
    ["adjacent params", P(L("/"), { kind: "param", text: "a" }, { kind: "param", text: "b" })],
    ["adjacent across empty literal", P(L("/"), { kind: "param", text: "a" }, L(""), { kind: "param", text: "b" })],
    ["bad regexp", P(L("/"), { kind: "param", text: "id", pattern: "[0-9", js: "[0-9" })],
    ["a constraint without its js form", P(L("/"), { kind: "param", text: "id", pattern: "[0-9]+" })],
    ["empty name", P(L("/"), { kind: "param", text: "" })],
    ["alias names another parameter", P(L("/"), { kind: "param", text: "a", alias: "b" }, L("/"), { kind: "param", text: "b" })],
  ];
  for (const [name, path] of cases) {
    it(name, () => refused(() => build("PATTERN", {}, { extra: { path } }), { code: "untranslatable", endpoint: "t:r" }));
  }
  it("a route error is returned as it is", () => {
    // TestRouteErrAndNoPath
    const m = manifest([{ ns: "t", routes: [{ name: "x", pattern: "/x/:a:b", error: "partyecho: pattern /x/:a:b cannot be translated" }] }]);
    refused(() => urlFor(m, "t:x", { a: "1" }), { code: "untranslatable", message: /^partyecho: pattern \/x\/:a:b cannot be translated$/ });
    refused(() => urlFor(m, "x"), { code: "untranslatable" });
  });
});

describe("host templates", () => {
  // TestHostTemplate
  const hostParts = [{ kind: "param", text: "sub" }, { kind: "literal", text: ".example.com" }];
  const shop = (scheme, prefix = "") =>
    manifest([{ ns: "t", prefix, routes: [route("shop", "/shop/{id}", { host: "{sub}.example.com", hostParts, scheme })] }], { invitePaths: [] });
  it("make the URL absolute, with the route's scheme", () => {
    assert.equal(urlFor(shop("https"), "t:shop", [["sub", "eu"], ["id", "7"], ["q", "x"]]), "https://eu.example.com/shop/7?q=x");
    assert.equal(urlFor(shop("https", "/blog"), "t:shop", { sub: "xn--bcher-kva", id: "7" }, { fragment: "top" }), "https://xn--bcher-kva.example.com/blog/shop/7#top");
  });
  it("win over an origin; their scheme too", () => {
    assert.equal(urlFor(shop("https"), "t:shop", { sub: "eu", id: "7" }, { origin: "http://other.example" }), "https://eu.example.com/shop/7");
  });
  it("without a scheme: the origin's, else http", () => {
    assert.equal(urlFor(shop(undefined), "t:shop", { sub: "eu", id: "7" }), "http://eu.example.com/shop/7");
    assert.equal(urlFor(shop(undefined), "t:shop", { sub: "eu", id: "7" }, { origin: "https://x.example" }), "https://eu.example.com/shop/7");
    // absolute without any origin: fine for a route with a host.
    assert.equal(urlFor(shop(undefined), "t:shop", { sub: "eu", id: "7" }, { absolute: true }), "http://eu.example.com/shop/7");
  });
  it("take host labels only", () => {
    for (const bad of ["", "a.b", "-a", "a-", "a_b", "a b", "é", "a/b", "a:80", "{sub}"]) {
      refused(() => urlFor(shop("https"), "t:shop", { sub: bad, id: "7" }), { code: "invalid_param", param: "sub", value: bad });
    }
    refused(() => urlFor(shop("https"), "t:shop", { id: "7" }), { code: "missing_param", param: "sub" });
  });
  it("do not mix with optional path parameters", () => {
    // TestHostTemplateWithOptionalPathParam
    const m = manifest([{ ns: "t", routes: [route("home", "/{lang?}", { hostParts: [{ kind: "literal", text: "www." }, { kind: "param", text: "region" }, { kind: "literal", text: ".example.com" }] })] }]);
    assert.equal(urlFor(m, "t:home", { region: "eu" }), "http://www.eu.example.com/");
  });
  it("check their constraint", () => {
    // TestHostTemplateConstraint
    const m = manifest([{ ns: "t", routes: [route("home", "/", { hostParts: [{ kind: "param", text: "sub", pattern: "[a-z]+", js: "[a-z]+" }, { kind: "literal", text: ".example.com" }] })] }]);
    refused(() => urlFor(m, "t:home", { sub: "eu1" }), { code: "invalid_param", param: "sub" });
  });
  it("of many parts", () => {
    // TestLongHostTemplate
    const m = manifest([{ ns: "t", routes: [route("deep", "/x/{id}", { scheme: "https", hostParts: parts("{a}.{b}.{c}.example.com") })] }]);
    assert.equal(urlFor(m, "t:deep", [["c", "eu"], ["b", "shop"], ["a", "www"], ["id", "7"]]), "https://www.shop.eu.example.com/x/7");
  });
});

describe("required query values", () => {
  // TestQueryParam
  const list = manifest([{ ns: "t", routes: [route("list", "/list", {
    query: [
      { key: "page", value: { kind: "param", text: "page", pattern: "[0-9]+", js: "[0-9]+" } },
      { key: "format", value: { kind: "literal", text: "json" } },
    ],
  })] }]);
  it("come first, before the sorted extra pairs", () => assert.equal(urlFor(list, "t:list", [["a", "1"], ["page", "2"]]), "/list?page=2&format=json&a=1"));
  it("are required", () => refused(() => urlFor(list, "t:list", { a: "1" }), { code: "missing_param", param: "page" }));
  it("are checked", () => {
    const e = refused(() => urlFor(list, "t:list", { page: "two" }), { code: "invalid_param", param: "page" });
    assert.match(e.message, /\[0-9\]\+/);
    refused(() => urlFor(list, "t:list", { page: "\ud800" }), { code: "invalid_param", param: "page" });
  });
  it("are escaped for a query", () => {
    const m = manifest([{ ns: "t", routes: [route("search", "/search", { query: [{ key: "q", value: { kind: "param", text: "q" } }] })] }]);
    assert.equal(urlFor(m, "t:search", { q: "red shoes&x=1" }), "/search?q=red+shoes%26x%3D1");
  });
  it("a key the path uses twice is a bad call", () => refused(() => urlFor(list, "t:list", [["page", "1"], ["page", "2"]]), { code: "bad_call" }));
});

describe("aliases", () => {
  // TestAlias, ExamplePart_Alias
  const m = manifest([{ ns: "t", routes: [{ name: "r", pattern: "/a/+/b/*", path: [
    { kind: "literal", text: "/a/" }, { kind: "param", text: "+1", alias: "+" }, { kind: "literal", text: "/b/" }, { kind: "wildcard", text: "*1", alias: "*" },
  ] }] }]);
  it("either key fills the parameter", () => {
    for (const pairs of [[["+", "x"], ["*", "y/z"]], [["+1", "x"], ["*1", "y/z"]], [["*", "y/z"], ["+1", "x"]]]) {
      assert.equal(urlFor(m, "t:r", [...pairs, ["q", "1"]]), "/a/x/b/y/z?q=1");
    }
  });
  it("a wildcard left out is empty", () => assert.equal(urlFor(m, "t:r", { "+": "x" }), "/a/x/b/"));
  it("both keys, or one twice, are a bad call naming the parameter", () => {
    for (const pairs of [[["+", "x"], ["+1", "y"]], [["+", "x"], ["+", "y"]]]) {
      refused(() => urlFor(m, "t:r", pairs), { code: "bad_call", message: /"\+1" given twice/ });
    }
    refused(() => urlFor(m, "t:r", [["*", "a"], ["+", "x"], ["*1", "b"]]), { code: "bad_call", message: /"\*1" given twice \(as "\*" and "\*1"\)/ });
  });
  it("errors name the parameter, not the alias", () => refused(() => urlFor(m, "t:r", { "*": "y" }), { code: "missing_param", param: "+1" }));
});
