// Package partyecho lets an echo v4 app (github.com/labstack/echo/v4) join
// a partyline: its named routes become endpoints that every app of the
// party can link to ("blog:post"), and its handlers build links to the
// endpoints of the other apps, whatever their framework and mount point.
// It is the echo dialect of package adapterkit, whose contract it keeps.
//
//	e := echo.New()
//	e.GET("/posts/:id", showPost).Name = "post"
//	h, err := partyecho.Join(e) // registers GET /__invite__/
//
//	mux := http.NewServeMux()
//	mux.Handle("/blog/", http.StripPrefix("/blog", e))
//	party, err := core.New(mux, []string{"/blog/__invite__/"})
//
//	next, err := partyecho.URL(c, "post", "id", "8") // in a handler: "/blog/posts/8"
//
// # Names
//
// Endpoints are named as echo names routes: e.GET(...).Name = "post", or
// echo's default, the handler's full function name ([HandlerName]). Inside
// the app a bare name is the app's own endpoint first. Routes with one
// name and one path (e.Any, e.Match) are one endpoint; one name on two
// paths is a *urlfor.AmbiguousError, where echo's Reverse picks one at
// random (echo #1237). Routes of groups carry the group prefix; the invite
// routes and echo's RouteNotFound routes are not endpoints. Routes of
// host routers (e.Host("api.example.com")) build absolute URLs on their
// host; a host a URL cannot carry is a [*HostError].
//
// # Patterns
//
// Paths are read as echo's router reads them: ":id" is a parameter whose
// name runs to the next "/" ("/:id.json" is one parameter, "id.json"), "\:"
// a literal ":", "*" echo's wildcard, whose value is given under the key
// "*" (as c.Param("*") reads it) and keeps "/" between segments. A path
// that cannot be built (text after "*", a ":" without a name, a name
// twice) is listed with a [*PatternError].
//
// # What a handler receives
//
// echo routes on the request's RawPath when it has one and then hands
// handlers raw, still escaped text (echo #1974); otherwise it routes on the
// decoded path and hands decoded text. net/url keeps a RawPath only when
// the client's escaping differs from its own, and urlfor escapes as
// net/url does (urlfor's "Escaping"), so a URL partyecho builds has one
// only when a one-segment value holds "/", which must be "%2F". So c.Param
// is the value put in for every other value, "100%", "a,b", "%2F" and
// "Smith, John" included, and for a wildcard's "/"; with a "/" inside one
// segment, c.Param of every parameter of that request is raw text. [Param]
// is exact for every URL partyecho builds (TestWhatHandlersReceive):
//
//	request path          c.Param("id")   Param(c, "id")
//	/posts/100%25         "100%"          "100%"
//	/posts/a,b            "a,b"           "a,b"
//	/posts/%252F          "%2F"           "%2F"
//	/posts/a%2Fb          "a%2Fb" (raw)   "a/b"
//	/posts/a%2Cb          "a%2Cb" (raw)   "a,b"   (typed by hand; partyecho writes "a,b")
//
// Do not unescape c.Param yourself: url.PathUnescape breaks decoded values
// that hold "%" ("100%" is an error, "%2F" becomes "/"); Param unescapes
// only when the request has a RawPath.
//
// Static text is written as net/url writes it ("/café" as "/caf%C3%A9"),
// and echo matches it with the decoded path. Where that changes the text
// ("/café", "/c d", "/100%"), echo cannot match it in a RawPath: such a
// route refuses "/" in its parameters (a *urlfor.ParamError).
//
// # Values another route takes
//
// echo prefers static text to a parameter and a parameter to the wildcard
// at every node of its tree: with "/posts/new" beside "/posts/:id", id
// "new" would reach "/posts/new". partyecho finds such values with
// adapterkit.Siblings, asks echo's own Router.Find whether they do reach
// another route of the same host router for the endpoint's methods, and
// refuses them: a *urlfor.ParamError whose TakenBy names the route ("GET
// /posts/new", "RouteNotFound /admin"). echo compares static text with
// the decoded path, or with the RawPath when there is one: beside
// "/posts/c%20d", the value "c%20d" (decoded) and "c d" (written "c%20d")
// are refused.
//
// # Routes read live
//
// Routes are read from e.Routes() and e.Routers() at the invitation and
// again when a name is not found. Join chains a counting
// Echo.OnAddRouteHandler to the one already set, which versions the table
// (urlfor.Versioned): a route added after the invitation is found at the
// next build, and an unknown name does not re-read the table while echo
// registered no route. Set yours before Join: one set after Join without
// chaining makes every miss re-read, O(routes) (logged once). Name routes
// in the statement that adds them: e.GET(...).Name = "x".
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL a handler builds with its echo.Context
// takes the lang of the route c matched when not given, read as [Param]
// reads it: under e.GET("/:lang/posts/:id", ...), h.URL(c, "about")
// builds "/:lang/about" in the page's language, in this app or another.
// With [SignWith], [Handle.SignedURL] builds signed, expiring URLs, and
// the echo middleware [ValidateSignature], on the routes that serve them,
// answers 403 with the reason to any URL that was changed or has expired.
// [Handle.Link] builds an RFC 8288 link-value by endpoint name for a Link
// header (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every
// partyline adapter, and
// [ErrInvalidOption], [ErrAlreadyJoined] and [ErrNoHandle] its errors
// (package adapterkit); [*PatternError] and [*HostError] are partyecho's
// own. The host of an absolute URL comes from configuration
// ([CanonicalOrigin]) or an allow-list ([AllowedHosts]); without them only
// a plain request host, a DNS name or an IP literal, is used, and
// [TrustProxy] without them logs a warning at Join.
//
// # Middleware
//
// Middleware of e.Pre and e.Use runs before the invite route: one that
// rejects or redirects requests must skip it, or the app does not join.
package partyecho
