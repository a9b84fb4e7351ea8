// Package partyfiber lets a Fiber v2 app (github.com/gofiber/fiber/v2,
// fasthttp underneath) join a partyline: mounted in a net/http dispatcher
// next to apps of other frameworks, it builds URLs for their endpoints and
// they for its own. It follows the adapter contract of package
// github.com/partyline-go/partyline/urlfor/adapterkit: [Join], the options,
// the errors, the [Handle] methods and [FromContext], for *fiber.Ctx.
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
// [Handler] makes the fasthttp app an http.Handler on fiber's own
// middleware/adaptor (the standalone gofiber/adaptor is archived), fixing
// what makes the adaptor alone unmountable ([Bridge]). Under a dispatcher
// that does not strip its prefix, give it [LocalPath], or register full
// paths and Join with [InviteRoute]("/legacy/__invite__/").
//
// Endpoints are Fiber's named routes (app.Get(...).Name("page"), group
// prefixes: "api.user"), including those named after the invitation and
// those of apps mounted with app.Mount. Names are exact, as GetRoute has
// them; one name on two patterns is ambiguous. Parameter keys are the
// names c.Params knows ("id", "*1", "+1"); other pairs become the query.
// The routes are read live (app.GetRoutes), versioned by fiber's OnRoute
// and OnName hooks.
//
// Unlike fiber's GetRouteURL, which splices values raw and leaves missing
// ones empty, values are percent-encoded (RFC 3986 §3.3), a missing one is
// an error, and one that would not route back is a *urlfor.ParamError.
// With fiber's default Config the router matches the raw path and c.Params
// returns raw text: handlers call url.PathUnescape. With UnescapePath, "/"
// and "+" are refused in values and c.Params is exact.
//
// Patterns are read with a port of fiber's parser: ":id", ":id?", "*",
// "+", ":from-:to", "\:", and constraints (int, bool, float, guid, alpha,
// min, max, range, minLen, maxLen, len, betweenLen, regex) as regexps of
// the values fiber accepts. A route partyfiber cannot build (datetime,
// ":a:b", two greedy parameters) is listed, and building it is a
// [*PatternError]. fiber tries routes in registration order: a value that
// would reach a route registered before is refused, ParamError.TakenBy
// naming it ("/items/draft-:n" before "/items/:id" takes "draft-1" and,
// in any letter case unless CaseSensitive, "Draft-1"; "/r/:y<int>" before
// "/r/:id" takes "2024").
//
// [Handle.AbsoluteURL] says https when the client reached the bridge over
// TLS ([BridgeHeader]); X-Forwarded-Proto and -Host count with
// [TrustProxy].
package partyfiber
