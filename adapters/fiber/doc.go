// Package partyfiber lets a Fiber v2 app (github.com/gofiber/fiber/v2,
// fasthttp underneath) join a partyline: mounted in a net/http dispatcher
// next to apps of other frameworks, it builds URLs for their endpoints and
// they for its own. It follows the adapter contract of package
// github.com/partyline-go/partyline/urlfor/adapterkit: [Join], the options,
// the errors, the [Handle] methods, [FromContext] and [Param], for
// *fiber.Ctx.
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
//		id, err := partyfiber.Param(c, "id")                      // exact, whatever the escaping
//		cart, err := partyfiber.URL(c, "shop:cart", "item", "42") // "/shop/cart/42"
//		self, err := partyfiber.URL(c, "page", "id", id)           // "/legacy/pages/7"
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
// names c.Params reads them by: "id"; for greedy parameters "*" or "*1"
// (the first "*"), "*2" (the second), "+" or "+1"; both spellings of one
// at once are an error wrapping urlfor.ErrBadCall. Other pairs become the
// query. The routes are read live (app.GetRoutes), versioned by fiber's
// OnRoute and OnName hooks (urlfor.Versioned): a route added or named
// after the invitation is found at the next build, and an unknown name
// re-reads nothing while no route was added or named.
//
// Unlike fiber's GetRouteURL, which splices values raw and leaves missing
// ones empty, values are percent-encoded (RFC 3986 §3.3), a missing one is
// an error, and one that would not route back is a *urlfor.ParamError.
// Handlers read values with [Param], exact for every URL partyfiber
// builds. With fiber's default Config the router matches the raw path and
// c.Params returns its text: exact only for values urlfor writes as they
// are (ASCII letters, digits, "-._~$&+,:;=@" and a wildcard's "/"; "a%20b"
// for "a b"). With UnescapePath, c.Params is exact too, and "/" and "+"
// are refused in values (fiber decodes "%2F" to a separator and "+" to a
// space).
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
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every
// partyline adapter, and [ErrInvalidOption], [ErrAlreadyJoined] and
// [ErrNoHandle] its errors (package adapterkit); [ErrUntranslatable] and
// [*PatternError] are partyfiber's own. [Handle.AbsoluteURL] says https when the client
// reached the bridge over TLS ([BridgeHeader]); X-Forwarded-Proto and
// -Host count with [TrustProxy]. The host of an absolute URL comes from
// configuration ([CanonicalOrigin]) or an allow-list ([AllowedHosts]);
// without them only a plain request host, a DNS name or an IP literal, is
// used, and [TrustProxy] without them logs a warning at Join.
//
// # Sticky parameters, signed URLs, Link headers
//
// [Sticky]("lang") carries a parameter of the current route into the URLs
// a handler builds with its *fiber.Ctx: in "/:lang/posts/:id",
// h.URL(c, "about") is "/legacy/fr/about" for a request of
// "/legacy/fr/posts/7" (read as [Param] reads it; given values win; a nil
// c or a route without it fills nothing). [SignWith] gives
// [Handle.SignedURL] a urlfor.Signer, and [ValidateSignature] is the
// fiber.Handler that lets through only what it signed, answering 403 with
// the reason otherwise. [Handle.Link] builds RFC 8288 link-values for
// c.Set("Link", urlfor.JoinLinks(...)).
package partyfiber
