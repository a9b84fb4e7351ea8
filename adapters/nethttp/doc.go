// Package partyhttp lets a plain net/http app, routed by the standard
// library's [http.ServeMux] (Go 1.22 patterns), join a partyline party and
// build URLs for its own routes and for every other app of the party.
//
// http.ServeMux cannot list its routes and has no names. [ServeMux] is a
// drop-in wrapper that serves with an http.ServeMux inside and remembers
// what it registers; name the routes you want URLs for (explicitly:
// closures and method values have no useful name):
//
//	mux := partyhttp.NewServeMux()                    // was http.NewServeMux()
//	h, err := partyhttp.Join(mux)                     // registers "GET /__invite__/{$}"
//	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
//	mux.HandleFunc("POST /posts/{id}", updatePost)    // same URL: one name is enough
//	root := http.NewServeMux()
//	root.Handle("/blog/", http.StripPrefix("/blog", mux))
//	party, err := core.New(root, []string{"/blog/__invite__/", ...})
//	...
//	u, err := h.URL(r, "post", "id", "7")             // "/blog/posts/7"
//
// A route registered after the invitation is found at the next build:
// ServeMux counts its registrations ([ServeMux.RoutesVersion], a
// [urlfor.Versioned] route table), so a miss re-reads the routes only when
// one was registered since, and an unknown name stays a map lookup.
// Handlers without the handle use the package-level [URL],
// [AbsoluteURL] and [Redirect], which find it where [Handle.Middleware]
// put it ([FromRequest]).
//
// Every Go 1.22 pattern translates: "GET /posts/{id}", "/files/{path...}",
// "/posts/{$}", the subtree "/static/" (its remainder is [SubtreeParam]),
// and "example.com/about", whose URL is absolute. A pattern no URL reaches
// (an unclean path, a host with a port or capitals) is listed with a
// [*PatternError]. ServeMux splits the escaped path before decoding each
// segment, so every value round-trips through r.PathValue ("a/b" as
// "a%2Fb") but what urlfor refuses for every router and "/" alone in a
// "{name}" (FuzzRoundTrip). GODEBUG=httpmuxgo121=1 is not supported.
//
// ServeMux serves the most specific pattern: beside "GET /posts/new", id
// "new" of "GET /posts/{id}" is refused, a *urlfor.ParamError whose TakenBy
// names the pattern, as [http.ServeMux.Handler] itself says (shadow.go).
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL built with the request (h.URL(r, ...), the
// package-level [URL], Redirect, AbsoluteURL, SignedURL, Link) takes the
// lang of the pattern the request matched when not given, as r.PathValue
// reads it (a wildcard of r.Pattern): a site under "/{lang}/..." keeps
// its language across apps. With [SignWith], [Handle.SignedURL] builds
// signed, expiring URLs, and [ValidateSignature], wrapped around the
// handlers that serve them, answers 403 with the reason to any URL that
// was changed or has expired. [Handle.Link] builds an RFC 8288 Link header
// value by route name (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every partyline adapter, and
// [ErrInvalidOption], [ErrAlreadyJoined] and [ErrNoHandle] its errors
// (package adapterkit states the contract, urlfor/adaptertest checks it);
// only [PatternError] is ServeMux's. The host of [Handle.AbsoluteURL]
// comes from configuration ([CanonicalOrigin]) or an allow-list
// ([AllowedHosts]); without them only a plain request host, a DNS name or
// an IP literal, is used, and [Join] logs a warning for [TrustProxy]
// without them.
package partyhttp
