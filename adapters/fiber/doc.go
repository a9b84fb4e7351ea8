// Package partyfiber lets a Fiber v2 app (github.com/gofiber/fiber/v2,
// fasthttp underneath) join a partyline: mounted in a net/http dispatcher
// next to apps of other frameworks, it builds URLs for their endpoints and
// they for its own.
//
//	app := fiber.New()
//	h, err := partyfiber.Join(app)              // registers /__invite__/
//	app.Get("/pages/:id", page).Name("page")
//
//	mux := http.NewServeMux()
//	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(app)))
//	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
//	party, err := core.New(mux, []string{"/legacy/__invite__/", "/shop/__invite__/"})
//
//	func page(c *fiber.Ctx) error {
//		cart, err := partyfiber.URL(c, "shop:cart", "item", "42") // "/shop/cart/42"
//		self, err := partyfiber.URL(c, "page", "id", "7")          // "/legacy/pages/7"
//		...
//	}
//
// # The bridge, and why fiber's own adaptor
//
// A Fiber app is a fasthttp handler; [Handler] makes it an http.Handler on
// top of github.com/gofiber/fiber/v2/middleware/adaptor, the adaptor
// maintained inside fiber's module. The standalone
// github.com/gofiber/adaptor/v2 is archived: it requires fiber v2.44 and
// the fasthttp of that time, so depending on it pins (or duplicates) an old
// fiber and misses fasthttp's fixes; the middleware/adaptor package moves
// with the fiber version the app already uses and adds nothing to go.sum.
//
// The adaptor alone is not mountable: it routes r.RequestURI (ignoring
// http.StripPrefix), drops the request context (and with it the party's
// invitation), loses TLS, answers 404 to hand-made requests with an empty
// RequestURI and 500 to remote addresses that are not ip:port, keeps one
// value of a repeated header, and reads any request body whole with no
// limit. [Bridge] fixes each (see its documentation); what the adaptor
// cannot do it still cannot: request bodies are read whole before the app
// runs and responses, streams included, are written in one piece when the
// handler returns.
//
// Under a dispatcher that does not strip its prefix (chi's Mount), give the
// bridge [LocalPath], or register the app's routes with their full paths
// and Join with [InviteRoute]("/legacy/__invite__/").
//
// # Names
//
// Endpoints are Fiber's named routes: app.Get(...).Name("page"), with group
// name prefixes (app.Group("/api").Name("api.") then .Name("user") gives
// "api.user"), routes named after the invitation, and the routes of apps
// mounted with app.Mount (fiber merges them into the parent at the first
// request, which the invitation is). Names are exact, as fiber's GetRoute
// has them; one name on two patterns is ambiguous (urlfor.AmbiguousError;
// GetRoute would take the first). A route answering several methods is one
// endpoint. Inside the app a bare name is the app's own endpoint first;
// "ns:name" is another app's.
//
// Parameter keys are the names c.Params knows them by: "id" for ":id",
// "*1", "*2", "+1" for greedy parameters (c.Params("*") is fiber's alias
// for "*1"; give "*1" here). Keys are exact even in a case-insensitive app,
// where fiber's GetRouteURL folds them: "ID" for ":id" leaves the parameter
// missing, an error when it is required (GetRouteURL would leave the
// segment empty). Unused pairs become the query string.
//
// # Values, and what handlers receive
//
// Unlike fiber's GetRouteURL, which splices values raw and leaves missing
// ones empty, values are percent-encoded per path segment (RFC 3986 §3.3),
// a missing required value is an error, and a value that could not route
// back to the same route with the same value is refused with a
// *urlfor.ParamError. What comes back depends on fiber's Config:
//
//   - UnescapePath false (fiber's default): the router matches the raw path
//     and c.Params returns raw text; handlers call url.PathUnescape. Any
//     value routes, "/" and "%2F" included (as "%2F"). Constraints are
//     checked by fiber on that raw text, so constrained values are kept to
//     bytes that are not escaped.
//   - UnescapePath true: the path is decoded before routing, "+" into a
//     space (fasthttp's query decoding): values with "/" or "+" are refused;
//     c.Params returns the value itself.
//   - CaseSensitive false (default): literals route in any case and keep the
//     case they were registered with; a parameter ended by a letter may not
//     hold that letter in either case.
//   - StrictRouting: URLs keep a registered trailing slash; otherwise it is
//     dropped, as the router ignores it.
//
// # Patterns
//
// The pattern is read with a port of fiber's own parser, so a parameter ends
// where fiber ends it:
//
//	:id              one segment
//	:id?             optional when last ("/user/:name?" builds "/user"); elsewhere required
//	*  +             trailing: any number of segments ("+" not empty); elsewhere: one segment
//	:from-:to        a parameter ends at the first "-" (or "." ...) after it: values may not hold it
//	:a:b             untranslatable (nothing between the parameters)
//	\:  \+  \*       literal characters
//	:id<int>         int, bool, float, guid, alpha, min, max, range, minLen, maxLen, len,
//	                 betweenLen, regex(...) become regexps that accept only values fiber accepts
//	                 (canonical integers, dashed GUIDs...); datetime and mixed kinds are untranslatable
//
// An untranslatable route is still listed, and building it returns a
// [*PatternError]. fiber files a route under the first 3 bytes of its path,
// so an optional last part that would leave a shorter path ("/f/*") is
// required. The round-trip law is tested by FuzzRoundTrip.
//
// # Routes table
//
// The url_for service reads app.GetRoutes(true) live; fiber's OnRoute and
// OnName hooks make it a urlfor.Versioned source, so a name that is not
// found costs no re-read until a route is added or named. Register routes
// before serving, as fiber requires.
//
// # Absolute URLs
//
// [Handle.AbsoluteURL] says https when the client reached the bridge over
// TLS (the bridge tells the app with [BridgeHeader], which clients cannot
// forge, and sets X-Forwarded-Proto so that fiber's c.BaseURL agrees), and
// uses the Host header. X-Forwarded-Proto and -Host from a proxy count only
// with [TrustProxy].
package partyfiber
