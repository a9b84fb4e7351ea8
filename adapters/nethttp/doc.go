// Package partyhttp lets a plain net/http app, routed by the standard
// library's [http.ServeMux] (Go 1.22 patterns), join a partyline party with
// no framework at all, and build URLs for its own routes and for every other
// app of the party.
//
// # A registering ServeMux
//
// http.ServeMux cannot list its routes, and has no route names. [ServeMux]
// is a drop-in wrapper that is an http.ServeMux inside (matching, redirects,
// 404 and 405, r.Pattern and r.PathValue are the standard library's) and
// remembers every pattern registered through it. Change
//
//	mux := http.NewServeMux()
//
// to
//
//	mux := partyhttp.NewServeMux()
//
// and name the routes you want URLs for:
//
//	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
//	mux.HandleFunc("POST /posts/{id}", updatePost) // same URL: one name is enough
//
// Handle and HandleFunc keep http.ServeMux's signatures, so the wrapper fits
// wherever an http.ServeMux's methods are expected. Unnamed routes are
// listed ([ServeMux.Routes]) but have no URL: names are explicit, not
// derived from handler function names as echo does, because closures and
// method values have no useful name and a rename would break every URL.
// Like http.ServeMux, the wrapper panics at registration on an invalid or
// conflicting pattern (that is the standard library's style for set-up
// errors), and also on an empty, duplicate or ":"-holding name.
//
// # Joining
//
// [Join] registers the invite route ("GET /__invite__/{$}" by default) and
// returns the app's [Handle]; core.New, wrapping the whole dispatcher,
// invites the app. Mount the app as any http.Handler: under http.StripPrefix
// in another ServeMux (or in a partyhttp.ServeMux, which may be both an app
// and the dispatcher of others), or under chi's Mount.
//
//	mux := partyhttp.NewServeMux()
//	h, err := partyhttp.Join(mux)
//	mux.Named("post").HandleFunc("GET /posts/{id}", func(w http.ResponseWriter, r *http.Request) {
//		u, err := h.URL(r, "shop:cart", "id", r.PathValue("id"))
//		...
//	})
//	root := http.NewServeMux()
//	root.Handle("/blog/", http.StripPrefix("/blog", mux))
//	party, err := core.New(root, []string{"/blog/__invite__/", ...})
//
// Routes registered after the invitation are found: the ServeMux is the
// app's live route table, and a [urlfor.Versioned] one (it counts its
// registrations), so a URL for an unknown name re-reads it only when a route
// was added since.
//
// ServeMux gives handlers no way to find the wrapper from the request, so
// there are no package-level URL and Redirect helpers: keep the Handle.
//
// # Patterns
//
// Every Go 1.22 pattern translates:
//
//	"GET /posts/{id}"        method, and a parameter: one whole segment
//	"/files/{path...}"       a wildcard: the remainder, "/" kept between segments, may be empty
//	"/posts/{$}"             exactly "/posts/"
//	"/static/"               a subtree: "/static/" and, with [SubtreeParam] ("*"),
//	                         "/static/css/site.css"
//	"example.com/about"      a host: the URL is absolute, "http://example.com/about"
//	                         (https when the request was; no port: ServeMux ignores it)
//
// A pattern whose URLs could never reach it (an unclean path such as "/a//b",
// which ServeMux redirects; a host with a port or upper-case letters, which
// ServeMux never matches) is listed with a [*PatternError] in its Err, and
// building it returns that error.
//
// # Escaping, proven over HTTP
//
// Since Go 1.22, ServeMux cleans the escaped request path, splits it into
// segments and then decodes each one: "%2F" inside a parameter value stays
// in its segment and r.PathValue returns it as "/". r.PathValue returns
// decoded values: "a/b" for "a%2Fb", "café" for "caf%C3%A9", "%" for "%25";
// a "{name...}" wildcard, its decoded remainder. So every value round-trips,
// except what urlfor refuses for every router (empty values, "." and "..",
// invalid UTF-8, NUL, an empty or dot segment in a wildcard) and one value
// only ServeMux loses: "/" alone in a "{name}" parameter. Its segment,
// "%2F", decodes to "/", which ServeMux's routing tree takes for a trailing
// slash, so no single wildcard matches it; the adapter gives every parameter
// a constraint that refuses it (a *urlfor.ParamError). "//", "/a" and "a/"
// route back.
// FuzzRoundTrip checks this through http.StripPrefix, core.New and a real
// server. With GODEBUG=httpmuxgo121=1 ServeMux goes back to its Go 1.21
// behaviour (no methods, wildcards or escaped-path matching), and this
// adapter does not support that mode.
//
// # Values another route takes
//
// ServeMux serves the most specific matching pattern, whatever the
// registration order: with "GET /posts/new" beside "GET /posts/{id}", id
// "new" builds "/posts/new", which reaches the first. Such values are
// refused (a *urlfor.ParamError that ends `reaches "GET /posts/new"
// instead`): a literal where a "{name}" sits, for the same method (or any,
// for a methodless route) and the same segments before it, when the rest
// could match; the path of a literal route, or everything below a subtree,
// for a "{name...}"; and the party's guard of the invite route, in any
// letter case. The rules, each tested over real HTTP, and the gaps are
// listed in shadow.go. Routes reads them in time linear in the routes (a
// bucket per host, method and segments before a literal), again after each
// registration.
package partyhttp
