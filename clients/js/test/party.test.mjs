// URLs the dispatcher would not route back: urlfor/invitepath_test.go,
// deadlink_test.go, alias_test.go (participant.go build, core/guard.go).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { urlFor } from "../partyline.js";
import { manifest, refused, route } from "./helpers.mjs";

const L = (text) => ({ kind: "literal", text });

describe("invite paths are refused", () => {
  // TestRefusesInvitePaths
  const blog = manifest([
    {
      prefix: "/blog",
      routes: [
        { name: "page", method: "GET", pattern: "/{slug}/", path: [L("/"), { kind: "param", text: "slug" }, L("/")] },
        { name: "file", method: "GET", pattern: "/{path...}", path: [L("/"), { kind: "wildcard", text: "path" }] },
      ],
    },
  ]);
  for (const [name, key, value] of [
    ["blog:page", "slug", "__invite__"],
    ["blog:page", "slug", "__INVITE__"],
    ["blog:file", "path", "__invite__"],
    ["blog:file", "path", "__Invite__"],
  ]) {
    it(`${name} ${value}`, () => {
      refused(() => urlFor(blog, name, { [key]: value }), { code: "invalid_param", param: key, value, reason: /invite path/ });
    });
  }
  it("neighbours of the invite path are fine", () => {
    for (const v of ["__invite", "invite", "__invite__x"]) assert.equal(urlFor(blog, "blog:page", { slug: v }), `/blog/${v}/`);
  });
  it("the path is cleaned first", () => {
    const m = manifest([{ prefix: "", routes: [route("up", "/x/../{page}"), route("dot", "/./{page}"), route("dbl", "/a//..//{page}")] }]);
    refused(() => urlFor(m, "up", { page: "__invite__" }), { code: "invalid_param", param: "page" });
    refused(() => urlFor(m, "dot", { page: "__Invite__" }), { code: "invalid_param", param: "page" });
    refused(() => urlFor(m, "dbl", { page: "__invite__" }), { code: "invalid_param", param: "page" });
    assert.equal(urlFor(m, "up", { page: "about" }), "/x/../about");
  });
  it("the path is decoded first", () => {
    // A literal escape in the template: "%5F" is "_".
    const m = manifest([{ prefix: "", routes: [route("esc", "/%5F_invite__/{*rest}")] }], { invitePaths: ["/__invite__"] });
    refused(() => urlFor(m, "esc", { rest: "" }), { code: "invalid_param", param: "rest", reason: /invite path/ });
    // A bad escape is no invite path (net/http answers 400).
    const n = manifest([{ prefix: "", routes: [route("bad", "/%zz/{*rest}")] }], { invitePaths: ["/%zz"] });
    assert.equal(urlFor(n, "bad", { rest: "" }), "/%zz/");
  });
  it("a custom invite route", () => {
    const m = manifest([{ prefix: "/ks", invite: "/__kiss__", routes: [route("page", "/{page}")] }]);
    refused(() => urlFor(m, "ks:page", { page: "__KISS__" }), { code: "invalid_param", param: "page" });
    assert.equal(urlFor(m, "ks:page", { page: "__invite__" }), "/ks/__invite__");
  });
  it("an invite path with non-ASCII letters is compared by simple folding", () => {
    const m = manifest([{ prefix: "/é", routes: [route("page", "/{page}")] }], { invitePaths: ["/é/ÉTÉ"] });
    refused(() => urlFor(m, "é:page", { page: "été" }), { code: "invalid_param", param: "page" });
    assert.equal(urlFor(m, "é:page", { page: "ete" }), "/é/ete");
  });
  it("the value given under an alias is the one named", () => {
    // TestAliasRefusal
    const m = manifest([{ prefix: "/fiber", routes: [{ name: "files", method: "GET", pattern: "/*", path: [L("/"), { kind: "wildcard", text: "*1", alias: "*" }] }] }]);
    refused(() => urlFor(m, "fiber:files", { "*": "__invite__" }), { code: "invalid_param", param: "*1", value: "__invite__" });
  });
});

describe("paths of nested apps are refused", () => {
  // TestRefusesPathsOfNestedApps
  it("the root app's /{page} with page blog", () => {
    const m = manifest([
      { prefix: "", ns: "site", routes: [route("page", "/{page}")] },
      { prefix: "/blog", routes: [route("post", "/{id}")] },
    ]);
    refused(() => urlFor(m, "site:page", { page: "blog" }), { code: "invalid_param", param: "page", reason: /mounted at \/blog/ });
    for (const [name, params] of [["site:page", { page: "blogs" }], ["site:page", { page: "Blog" }], ["blog:post", { id: "blog" }]]) {
      urlFor(m, name, params);
    }
  });
  // TestDeadLinksAreRefused
  const m = manifest([
    { prefix: "", routes: [route("page", "/{page}"), route("files", "/files/{*rest}"), route("any", "/{*rest}")] },
    { prefix: "/blog", routes: [route("post", "/posts/{id}")] },
  ]);
  for (const [name, param, value] of [
    ["any", "rest", "__invite__"],
    ["any", "rest", "blog/__invite__"],
    ["any", "rest", "BLOG/__Invite__"],
    ["page", "page", "__invite__"],
    ["page", "page", "blog"],
    ["any", "rest", "blog/posts/7"],
  ]) {
    it(`${name} ${value} is refused`, () => refused(() => urlFor(m, name, { [param]: value }), { code: "invalid_param", param, value }));
  }
  for (const [name, param, value, want] of [
    ["page", "page", "blogger", "/blogger"],
    ["page", "page", "about", "/about"],
    ["page", "page", "__invite", "/__invite"],
    ["files", "rest", "__invite__", "/files/__invite__"],
    ["any", "rest", "blogs/x", "/blogs/x"],
  ]) {
    it(`${name} ${value} is fine`, () => assert.equal(urlFor(m, name, { [param]: value }), want));
  }
  it("the blog's own URLs are fine, whatever the value", () => assert.equal(urlFor(m, "blog:post", { id: "__invite__" }), "/blog/posts/__invite__"));
  it("a route with no parameter names none", () => {
    const n = manifest([
      { prefix: "", routes: [route("blog", "/blog")] },
      { prefix: "/blog", routes: [route("home", "/")] },
    ]);
    refused(() => urlFor(n, "blog"), { code: "invalid_param", param: "", value: "" });
  });
});
