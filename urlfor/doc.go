// Package urlfor builds URLs across the apps of a partyline: a page of one
// app asks for "blog:post" with "id", "7" and gets "/blog/posts/7" from the
// app mounted at /blog, without knowing its routes or its mount point.
//
// Three layers, each usable alone:
//
//   - [Template] is a compiled route pattern (literal text, named parameters
//     with optional regexp constraints, at most one trailing wildcard).
//     Adapters translate their framework's pattern dialect into [Part]s;
//     every framework shares one [Template.Build]. Escaping follows RFC 3986
//     §3.3 and is ours, not the framework's: values are escaped per path
//     segment, and a value the target router could not route back to the
//     same endpoint with the same value is refused with a [*ParamError].
//   - [Participant] is one app on the party. An adapter calls [Join] when
//     its invite route accepts an invitation, giving its namespace and a
//     live [Source] of routes; the participant serves the "url_for"
//     service ([Service]) and registers in the party's directory.
//   - [Builder] answers names: "blog:post" from the app whose namespace is
//     blog, a bare "post" from the one app that has it (else an
//     [*AmbiguousError]). Lookups go through a directory keyed by name,
//     rebuilt only when an app joins or its routes change, read without
//     locks: O(1) in the number of apps and routes, one allocation per URL.
//
// # Escaping
//
// A value in a path segment keeps raw the unreserved characters
// (A-Z a-z 0-9 - . _ ~) and "$&+,:;=@", the set Go's net/url keeps raw when
// it writes a path (url.URL.EscapedPath); every other byte, "/" and "%"
// included, becomes %XX with upper-case hex (RFC 3986 §2.1). A wildcard
// keeps "/" raw between its segments. For any value without "/" the built
// path is therefore the one Go itself would send for the decoded path: a
// server parsing it keeps no url.URL.RawPath, so routers that read RawPath
// when there is one (echo, chi, gin with UseRawPath) hand handlers the
// decoded value. Every byte of that set is allowed raw by RFC 3986's pchar,
// so the URL is valid either way. A "/" inside one segment must be "%2F",
// which makes net/url keep a RawPath: adapters document what their
// framework's accessor reads then, and offer a Param helper that is exact.
// Query keys and values are escaped as url.QueryEscape does (space as
// "+"), and the fragment keeps RFC 3986 §3.5's set raw.
//
// # Limits
//
// A build takes at most 64 key-value pairs (more is an [ErrBadCall]). Error
// texts quote at most 64 bytes of a name, key or value a caller gave, then
// its length; the error's fields keep the whole text. "Did you mean"
// compares names of at most 256 bytes, in one pass over the endpoints, and
// only when the message is read. A miss re-reads an app's routes at once
// when its adapter versions them ([Versioned]: echo, fiber, net/http's
// partyhttp.ServeMux), else within a budget: three re-reads at once, then no
// more than a tenth of the wall time. Absolute URLs take their host from a
// [HostPolicy]: a canonical origin, an allow-list, or a request host that
// is a DNS name or an IP literal, never a wider RFC 3986 reg-name.
//
// [FuncMap] gives html/template and text/template an urlFor function, and
// [VerifyHTML] and [VerifyText] check, in a test, that every literal
// endpoint name in a set of templates exists.
package urlfor
