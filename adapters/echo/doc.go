// Package partyecho lets an echo v4 app (github.com/labstack/echo/v4) join
// a partyline: the app's named routes become endpoints that every app of
// the party can link to ("blog:post"), and its handlers build links to the
// endpoints of the other apps, whatever their framework and wherever they
// are mounted.
//
//	e := echo.New()
//	e.GET("/posts/:id", showPost).Name = "post"
//	h, err := partyecho.Join(e)                 // registers GET /__invite__/
//
//	mux := http.NewServeMux()
//	mux.Handle("/blog/", http.StripPrefix("/blog", e))
//	mux.Handle("/", shop)
//	party, err := core.New(mux, []string{"/blog/__invite__/", "/__invite__/"})
//	http.ListenAndServe(":8080", party)
//
//	func showPost(c echo.Context) error {
//		next, err := partyecho.URL(c, "post", "id", "8") // "/blog/posts/8"
//		if err != nil {
//			return err
//		}
//		return c.HTML(http.StatusOK, `<a href="`+next+`">next</a>`)
//	}
//
//	func buy(c echo.Context) error {
//		return partyecho.Redirect(c, http.StatusSeeOther, "cart", "id", c.Param("id")) // the shop's "/cart/3"
//	}
//
// # Names
//
// Endpoints are named as echo names routes: e.GET(...).Name = "post", or,
// when you do not name a route, echo's default, the handler's full
// function name ("main.showPost", "example.com/blog.(*Posts).Show-fm");
// [HandlerName] computes it, as echo's e.URI(handler) does. Inside the app
// a bare name is the app's own endpoint first; "shop:cart" is the shop's.
// The namespace is the mount prefix without "/" unless [Namespace] says
// otherwise.
//
// echo keeps one route per method and path. Routes with one name and one
// path (e.Any, e.Match, a GET and a POST named alike) are one endpoint.
// Two paths with one name are ambiguous: echo's Reverse picks one of them
// at random (echo #1237, closed as won't fix); partyecho refuses with a
// *urlfor.AmbiguousError that names both patterns. Routes of groups carry
// the group prefix, as echo stores them. The invite routes and echo's
// RouteNotFound routes (which Group.Use registers) are not endpoints.
//
// # Patterns
//
// Route paths are translated byte for byte as echo's router reads them:
// ":id" is a parameter whose name runs to the next "/" ("/:id.json" is one
// parameter, "id.json"; "/v:version" is "/v" and a parameter); "\:" is a
// literal ":"; "*" is echo's wildcard, which matches the rest of the path.
// Give the wildcard's value under the key "*", the name echo gives it and
// handlers read with c.Param("*"); there is no alias, because any other
// key could be the name of a real parameter of the same route. Its value
// keeps "/" between segments: "docs/cv.pdf". A path that cannot be built
// (text after "*", a ":" without a name, one name twice) is listed with a
// [*PatternError], which building it returns.
//
// Routes of echo's host routers (e.Host("api.example.com")) are endpoints
// too, and build absolute URLs on their host, which echo matches against
// the Host header exactly: "http://api.example.com/blog/status/1" from
// [Handle.URL], and the request's scheme from [Handle.AbsoluteURL]. A host
// key that a URL cannot carry gives a [*HostError].
//
// # What a handler receives
//
// echo routes on the request's RawPath when it has one and then hands the
// handler raw, still escaped text (echo #1974); otherwise it routes on the
// decoded path and hands decoded text. net/url sets RawPath only when the
// client's escaping differs from the one it would choose itself, so which
// of the two a handler sees depends on the whole path. Measured over HTTP
// (behind http.StripPrefix; see TestWhatHandlersReceive):
//
//	request path          c.Param("id")   url.PathUnescape   Param(c, "id")
//	/posts/a%2Fb          "a%2Fb"         "a/b"              "a/b"
//	/posts/a%3Bb          "a%3Bb"         "a;b"              "a;b"
//	/posts/a%20b          "a b"           "a b"              "a b"
//	/posts/%C3%A9t%C3%A9  "été"           "été"              "été"
//	/posts/100%25         "100%"          error              "100%"
//	/posts/a%252Fb        "a%2Fb"         "a/b" (wrong)      "a%2Fb"
//
// So url.PathUnescape(c.Param(name)) recovers every value except those
// holding "%", and partyecho refuses "%" in parameter and wildcard values
// (a *urlfor.ParamError): for every URL partyecho builds, a handler gets
// the value back with url.PathUnescape(c.Param(name)). That is the
// round-trip law FuzzRoundTrip checks over real HTTP. [Param] is exact for
// any request, hand-typed URLs included, because it unescapes only when
// echo handed raw text. All other bytes are percent-encoded by urlfor
// (RFC 3986 §3.3): "/" inside a parameter becomes "%2F", which echo routes
// on the raw path and so keeps inside the parameter.
//
// # Routes read live
//
// The endpoints are read from e.Routes() and e.Routers() when the app is
// invited, and again when a name is not found, so routes registered after
// the invitation are found. Join chains a counting Echo.OnAddRouteHandler
// to the one already set, so that a name that stays unknown does not
// re-read the table while echo registered no route (urlfor.Versioned). Set
// your own OnAddRouteHandler before Join, which chains it. One set after
// Join replaces partyecho's (partyecho cannot tell whether it calls the
// one it replaced): partyecho notices, logs a warning, and re-reads the
// table on every miss, O(routes), still right. A route renamed after it
// was added (r := e.GET(...); later r.Name = "x") is not seen until echo
// registers another route: name routes in the statement that adds them.
// As with echo itself, register routes before serving, not while requests
// are served.
//
// # Dispatchers
//
// Behind a dispatcher that strips the mount prefix (http.StripPrefix), the
// app keeps its routes and the default invite route. Behind one that does
// not (chi's Mount), register the routes under the prefix (e.Group("/blog"))
// and join with InviteRoute("/blog/__invite__/"): the mount prefix is then
// "" and the namespace is given with [Namespace].
//
// # Values another route takes
//
// echo prefers static text to a parameter and a parameter to the wildcard,
// at every node of its tree. With "/posts/new" beside "/posts/:id", the URL
// of "/posts/:id" with id "new" would reach "/posts/new"; with
// "/files/readme" beside "/files/*", the wildcard loses "readme". When it
// reads the routes, partyecho finds the values other routes of the same
// host router and method take (RouteNotFound routes take them for every
// method) and refuses them with a regexp constraint on the parameter:
// [Handle.URL] and the other helpers of this package report a
// [*ShadowedError] naming the route that takes the value; another app
// asking for the endpoint gets the underlying *urlfor.ParamError. The
// analysis over-approximates: when it cannot tell whether the rest of a
// competing route matches, it refuses. Reading the routes, analysis
// included, costs about 3 ms for 1000 routes; it happens at the
// invitation and after echo registered a route.
//
// # Middleware
//
// Middleware added with e.Pre and e.Use runs before the invite route; one
// that rejects or redirects requests (authentication, HTTPS redirection)
// must skip it, or the app does not join (Party.Invitations reports the
// invitation as not joined, and core.WithLogger logs it).
package partyecho
