// Package partyfiberv3 lets a Fiber v3 app (github.com/gofiber/fiber/v3,
// fasthttp underneath) join a partyline: mounted in a net/http dispatcher
// next to apps of other frameworks, it builds URLs for their endpoints and
// they for its own. It follows the adapter contract of package
// github.com/partyline-go/partyline/urlfor/adapterkit: [Join], the options,
// the errors, the [Handle] methods, [FromContext] and [Param], for
// fiber.Ctx (an interface in v3).
//
//	app := fiber.New()
//	h, err := partyfiberv3.Join(app)            // registers /__invite__/
//	app.Get("/e/:id", event).Name("event")
//
//	mux := http.NewServeMux()
//	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(app)))
//	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
//	party, err := core.New(mux, []string{"/events/__invite__/", "/shop/__invite__/"})
//
//	func event(c fiber.Ctx) error {
//		id, err := partyfiberv3.Param(c, "id")                   // exact, whatever the escaping
//		cart, err := partyfiberv3.URL(c, "shop:cart", "item", "42") // "/shop/cart/42"
//		self, err := partyfiberv3.URL(c, "event", "id", id)         // "/events/e/7"
//		...
//	}
//
// [Handler] serves the app on fiber v3's own middleware/adaptor, fixing
// what the adaptor still gets wrong when mounted (see Handler). Under a
// dispatcher that does not strip its prefix (chi's Mount), wrap it in
// http.StripPrefix, or register full paths and Join with
// [InviteRoute]("/events/__invite__/").
//
// Endpoints are Fiber's named routes (app.Get(...).Name("event"), group
// name prefixes: "api.user"), including those named after the invitation
// and those of apps mounted with app.Use(prefix, subApp), v3's replacement
// of Mount. Names are exact, as GetRoute has them; one name on two
// patterns is ambiguous. Parameter keys are the names c.Params reads them
// by: "id"; for greedy parameters "*" or "*1" (the first "*"), "*2" (the
// second), "+" or "+1"; both spellings of one at once are an error
// wrapping urlfor.ErrBadCall. Other pairs become the query. The routes are
// read live (app.GetRoutes), versioned by fiber's OnRoute and OnName
// hooks (urlfor.Versioned): a route added or named after the invitation
// is found at the next build, and an unknown name is O(1) while no route
// was added or named. A route removed with app.RemoveRoute fires no hook:
// it is built until the table is read again, at the first unknown name
// after a route is added or named.
//
// Unlike fiber's GetRouteURL, which splices values raw and leaves missing
// ones empty (fiber #4604), values are percent-encoded (RFC 3986 §3.3), a
// missing one is an error, and one that would not route back is a
// *urlfor.ParamError. Handlers read values with [Param], exact for every
// URL partyfiberv3 builds. With fiber's default Config the router matches
// the raw path and c.Params returns its text: exact only for values urlfor
// writes as they are (ASCII letters, digits, "-._~$&+,:;=@" and a
// wildcard's "/"; "a%20b" for "a b"). With UnescapePath, c.Params is exact
// too, and "/" and "+" are refused in values (fiber decodes "%2F" to a
// separator and "+" to a space).
//
// Patterns are read with a port of fiber v3's parser: ":id", ":id?", "*",
// "+", ":from-:to", "\:", and the built-in constraints (int, bool, float,
// guid, alpha, min, max, range, minLen, maxLen, len, betweenLen, regex) as
// regexps of the values fiber accepts; in a case-insensitive app, fiber
// lower-cases a regex constraint, and so do we. A route partyfiberv3
// cannot check is listed, and building it is a [*PatternError] naming the
// reason: a custom constraint (app.RegisterCustomConstraint), datetime,
// ":a:b", two greedy parameters. A custom constraint registered under a
// built-in's name, which fiber prefers, cannot be seen from outside the
// app. fiber tries routes in registration order: a value that would reach
// a route registered before is refused, ParamError.TakenBy naming it.
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every
// partyline adapter, and [ErrInvalidOption], [ErrAlreadyJoined] and
// [ErrNoHandle] its errors (package adapterkit); [ErrUntranslatable] and
// [*PatternError] are partyfiberv3's own. The host of an absolute URL comes from
// configuration ([CanonicalOrigin]) or an allow-list ([AllowedHosts]);
// without them only a plain request host, a DNS name or an IP literal, is
// used, and [TrustProxy] without them logs a warning at Join.
//
// # Sticky parameters, signed URLs, Link headers
//
// [Sticky]("lang") carries a parameter of the current route into the URLs
// a handler builds with its fiber.Ctx: in "/:lang/e/:id", h.URL(c,
// "about") is "/events/fr/about" for a request of "/events/fr/e/7" (read
// as [Param] reads it; given values win; a nil c or a route without it
// fills nothing). [SignWith] gives [Handle.SignedURL] a urlfor.Signer,
// and [ValidateSignature] is the fiber.Handler that lets through only
// what it signed, answering 403 with the reason otherwise. [Handle.Link]
// builds RFC 8288 link-values for c.Set("Link", urlfor.JoinLinks(...)).
package partyfiberv3
