// Package partyechov5 lets an echo v5 app (github.com/labstack/echo/v5)
// join a partyline: its named routes become endpoints every app of the
// party can link to ("blog:post"), and its handlers link to the endpoints
// of the other apps, whatever their framework and mount point. It is the
// echo v5 dialect of package adapterkit, whose contract it keeps.
//
//	e := echo.New()
//	partyechov5.Named(e, "post").GET("/posts/:id", showPost)
//	h, err := partyechov5.Join(e) // registers GET /__invite__/
//	mux.Handle("/blog/", http.StripPrefix("/blog", e))
//	party, err := core.New(mux, []string{"/blog/__invite__/"})
//	next, err := partyechov5.URL(c, "post", "id", "8") // in a handler: "/blog/posts/8"
//
// # Names
//
// Endpoints are named as echo v5 names routes: Route.Name, given with
// e.AddRoute(echo.Route{...}) or g.AddRoute, or with [Named], since e.GET
// returns a copy whose Name cannot be set (echo #3089). A route added
// without a name has echo's default name "METHOD:/path" and is an
// endpoint under it; that name holds ":", which separates namespace and
// name, so ask for it qualified: "blog:GET:/posts/:id" (bare, it is not
// the app's own first, and two apps with the route make it ambiguous).
// A bare name without ":" is the app's own endpoint first. One name on one path for several methods is
// one endpoint; on two paths, a *urlfor.AmbiguousError (echo's Reverse
// takes the first). Invite and RouteNotFound routes are not endpoints.
//
// # Values
//
// Patterns are read by echo's own parser (RouteInfo.Reverse): ":id" runs
// to "/" or to an inline verb ("/:id\:cancel"), "*" is the wildcard,
// given under the key "*". urlfor escapes values. What the router matches
// and what c.Param returns depend on the RouterConfig, which partyechov5
// learns by asking the router (a request whose Path and RawPath differ):
//
//	RouterConfig               matches  c.Param of /posts/a%2Fb  refused
//	(default)                  RawPath  "a%2Fb" (raw)            nothing more
//	UnescapePathParamValues    RawPath  "a/b"                    nothing more
//	UseEscapedPathForMatching  Path     "a/b" (last parameter)   "/" in a parameter
//
// By default c.Param is raw only when the request has a RawPath, which
// net/url keeps when the escaping differs from its own. urlfor escapes as
// net/url does (urlfor's "Escaping"), so a URL partyechov5 builds has one
// only when a one-segment value holds "/", which must be "%2F": c.Param is
// the value put in for every other value, "100%", "a,b", "%2F" and
// "Smith, John" included ("/posts/100%25" gives "100%"), and for a
// wildcard's "/"; with a "/" inside one segment, c.Param of every
// parameter of that request is raw text. [Param] is exact for every URL
// partyechov5 builds, in every setting; do not unescape c.Param yourself
// (url.PathUnescape makes "100%" an error and "%2F" a "/").
//
// Static text is written as net/url writes it ("/café" as "/caf%C3%A9"),
// which the router meets in the decoded path. Where that changes the text
// ("/café", "/c d", "/100%"), echo cannot meet it in a RawPath: such a
// route refuses "/" in its parameters, in every setting.
//
// echo prefers static text to a parameter and a parameter to the
// wildcard: beside "/posts/new", id "new" of "/posts/:id" would reach
// "/posts/new". Such values, found with adapterkit.Siblings and confirmed
// by echo's Router.Route for the endpoint's methods, are refused: a
// *urlfor.ParamError whose TakenBy names the route ("GET /posts/new").
// Static text is compared with the decoded path, or with the RawPath when
// the router reads one: beside "/posts/c%20d", the value "c%20d"
// (decoded) and, but for UseEscapedPathForMatching, "c d" (written
// "c%20d") are refused.
//
// # Routes read live
//
// Routes are read from e.Router().Routes() (echo's NewConcurrentRouter
// too) at the invitation and again when a name is not found, if the
// Echo.OnAddRoute hook Join chains to the one set before saw a route
// added, or the DefaultRouter's table changed length (urlfor.Versioned).
// A route added after the invitation through e or a group is found at the
// next build; one added with e.Router().Add, which calls no hook, too with
// the DefaultRouter, and after Participant().Refresh() with the concurrent
// router. A route removed with Router.Remove is gone after the next miss
// (with the concurrent router, after Participant().Refresh()); until then
// its name still builds. Set your hook before Join, or chain ours.
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL a handler builds with its *echo.Context
// takes the lang of the route c matched when not given, read as [Param]
// reads it: under e.GET("/:lang/posts/:id", ...), h.URL(c, "about")
// builds "/:lang/about" in the page's language, in this app or another.
// With [SignWith], the handle's SignedURL builds signed, expiring URLs,
// and the echo v5 middleware [ValidateSignature], on the routes that
// serve them, answers 403 with the reason to any URL that was changed or
// has expired. The handle's Link builds an RFC 8288 link-value by
// endpoint name for a Link header (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every
// partyline adapter, and
// [ErrInvalidOption], [ErrAlreadyJoined] and [ErrNoHandle] its errors
// (package adapterkit). The host of an absolute URL comes from
// configuration ([CanonicalOrigin]) or an allow-list ([AllowedHosts]);
// without them only a plain request host, a DNS name or an IP literal, is
// used, and [TrustProxy] without them logs a warning at Join.
//
// # Middleware
//
// Middleware of e.Pre and e.Use runs before the invite route: one that
// rejects or redirects requests must skip it, or the app does not join.
package partyechov5
