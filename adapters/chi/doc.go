// Package partychi makes a chi router (github.com/go-chi/chi/v5) an app of
// a partyline: it builds URLs for its own routes and for the other apps
// mounted in the same process, whatever their framework, and they build
// URLs for it.
//
//	r := chi.NewRouter()
//	r.Use(middleware.Logger)          // chi wants Use before any route
//	h, err := partychi.Join(r)        // registers the invite route
//	r.With(partychi.Name("post")).Get("/posts/{id}", showPost)
//	...
//	party, err := core.New(dispatcher, []string{"/blog/__invite__/", ...})
//	...
//	u, err := h.URL(req, "post", "id", "7")   // "/blog/posts/7"
//	u, err = h.URL(req, "shop:cart")          // another app's endpoint
//
// # Naming
//
// chi has no route names (go-chi/chi#209, #463: build them outside chi).
// Three designs were weighed:
//
//   - a wrapper, partychi.Named(r).Get("post", "/posts/{id}", h): it does
//     not see the prefix of the Route or Mount it is called in, so it would
//     need its own pattern bookkeeping beside chi's, and every chi API
//     (Method, Handle, Mount, With...) wrapped;
//   - a registry filled by h.Name("post", "/posts/{id}"): the user writes the
//     full pattern twice, and it goes stale as soon as a sub-router moves;
//   - a middleware, r.With(partychi.Name("post")).Get("/posts/{id}", h):
//     chi keeps it in its own routing tree, beside the handler, and
//     [chi.Walk] hands it back with the route's full pattern, mount
//     prefixes within the chi tree included.
//
// The middleware is what partychi does ([Name]): it reads like chi, survives
// Route, Group, With and Mount without any bookkeeping, and costs nothing
// per request (it returns the next handler itself). The adapter finds it
// among the middlewares Walk reports by its code pointer, so no user
// middleware is ever called. Routes are read live: a name not found makes
// the adapter walk the router again, O(routes) (about 40µs and 24KB for 10
// routes, 5ms and 2.4MB for 1000: BenchmarkRefresh). chi has no add-route
// hook, so a route added after the invitation is found at the first miss
// when the app has been quiet, else within ten re-reads' time under a
// stream of misses ([urlfor.Versioned]: urlfor keeps those walks under a
// tenth of the wall time, so unknown names built in a loop, or taken from
// requests, stay cheap); Refresh on the participant of [Handle.Participant]
// makes it at once. A name found costs the same whatever the number of
// routes (a map lookup).
//
// A mounted chi router that joined the party itself is left out of its
// parent's walk: each app owns its routes and its namespace. Joined routers
// are held weakly: one that is otherwise garbage is not kept alive.
//
// # Patterns and escaping
//
// chi's "{id}", "{id:regexp}" (checked when a URL is built; urlfor anchors
// the whole regexp, which is stricter than chi's "^"+re+"$" for a top-level
// alternation, never looser), mid-segment "{name}.json" (chi ends a
// parameter at the first byte of the text after it and never backtracks:
// such values are refused), and the trailing "*" (the parameter named
// "*": h.URL(r, "files", "*", "css/site.css")).
//
// chi routes on r.URL.RawPath when Go set one, else on the decoded
// r.URL.Path, and Go sets RawPath only when the path is not in its default
// encoding (go-chi/chi#832). URL writes a path as Go does (unreserved
// characters and "$&+,:;=@" raw, see urlfor's "# Escaping") but for a "/"
// inside one parameter, which must be "%2F": so chi.URLParam hands a
// handler the decoded value for every URL built here, "Smith, John" from
// "/posts/Smith,%20John", unless a parameter of that URL holds "/": then
// chi routes on the raw path and every value of the URL arrives escaped
// ("/posts/a%2Fb" gives "a%2Fb"). [URLParam] gives the decoded value in
// both cases: it unescapes exactly when r.URL.RawPath is set. That is the
// adapter's round-trip law: a value given to URL comes back from
// partychi.URLParam, through http.StripPrefix and through chi's Mount, and
// from chi.URLParam when no parameter holds "/" (FuzzRoundTrip). To keep
// it, URL refuses:
//
//   - in a constrained parameter, "/", and where the route has an
//     unconstrained parameter (which may hold "/"), every byte that needs
//     escaping: chi matches a regexp against the escaped form when the URL
//     has a RawPath. "/n/{name:[a-z ]+}" builds "a b";
//     "/n/{name:[a-z ]+}/{o}" does not;
//   - in a route whose literal text needs escaping ("/über/{id}"), "/"
//     inside a parameter, which would give the URL a RawPath, where chi no
//     longer matches that text ("/" in the wildcard "/über/*" is its
//     separator and builds);
//   - values another route of the router takes: "new" beside "/posts/new",
//     "new-a" beside "/x/new-{y}", digits beside "/r/{y:[0-9]+}", "api"
//     beside Mount("/api", sub). chi itself says which (Mux.Find, asked at
//     route-reading time about the candidates the patterns suggest, see
//     package adapterkit); the error is a [*urlfor.ParamError] whose
//     TakenBy names the route;
//   - what every adapter refuses (urlfor.Route.Build): empty values, "."
//     and "..", a byte where chi ends the parameter, and so on.
//
// Elsewhere a "%2F" inside a value is routed back intact: chi matches on
// the raw path.
//
// # Mounting
//
// chi's Mount does not strip the prefix from r.URL.Path; the sub-router
// routes on chi's routing context. Either way the mount prefix comes from
// the invite path minus the local invite route, so a partychi app works
// under http.ServeMux with http.StripPrefix, under another chi router's
// Mount, and nested in both. A chi router can also be the dispatcher: it
// Mounts chi apps as they are, and plain net/http apps that route on
// r.URL.Path under http.StripPrefix.
//
// # Handlers
//
// chi handlers are net/http handlers: [Handle.URL], [Handle.AbsoluteURL]
// and [Handle.Redirect] take the *http.Request. Handlers that do not hold
// the handle use the package-level [URL], [AbsoluteURL] and [Redirect],
// which find it in the request context where [Handle.Middleware] put it
// ([FromRequest]).
// chi's own routing context cannot replace that middleware: it knows the
// top router of the request, the dispatcher when the app is mounted with
// chi's Mount.
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL built with the request (h.URL(r, ...), the
// package-level [URL], Redirect, AbsoluteURL, SignedURL, Link) takes the
// lang of the chi route the request matched when not given, read as
// [URLParam] reads it: a site under "/{lang}/..." keeps its language
// across apps. With [SignWith], [Handle.SignedURL] builds signed,
// expiring URLs, and the chi middleware [ValidateSignature], on the routes
// that serve them (r.With), answers 403 with the reason to any URL that
// was changed or has expired. [Handle.Link] builds an RFC 8288 Link
// header value by endpoint name (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options
// of every partyline adapter, and [ErrInvalidOption], [ErrAlreadyJoined]
// and [ErrNoHandle] its errors (package adapterkit, which states the
// contract this adapter keeps; urlfor/adaptertest checks it). Only
// [ErrNamedTwice] is chi's own.
//
// The host of [Handle.AbsoluteURL] comes from configuration
// ([CanonicalOrigin]) or an allow-list ([AllowedHosts]); without them only
// a plain request host, a DNS name or an IP literal, is used, and [Join]
// logs a warning for [TrustProxy] without them.
package partychi
