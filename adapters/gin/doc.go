// Package partygin makes a Gin engine an app of a partyline party: it
// builds URLs for its own routes and for the other apps mounted in the same
// process, whatever their framework, and gives gin's HTML templates urlFor.
//
//	engine := gin.New()
//	h, err := partygin.Join(engine)           // registers the invite route
//	engine.Use(h.Middleware())                // for partygin.URL(c, ...)
//	engine.SetFuncMap(h.FuncMap())            // {{urlFor "post" "id" .ID}}
//	r := h.Router(engine)
//	r.Named("post").GET("/posts/:id", showPost)
//
//	mux := http.NewServeMux()
//	mux.Handle("/blog/", http.StripPrefix("/blog", engine))
//	party, err := core.New(mux, []string{"/blog/__invite__/", ...})
//
//	func showPost(c *gin.Context) {
//		u, err := partygin.URL(c, "post", "id", "8")        // "/blog/posts/8"
//		u, err = partygin.URL(c, "shop:cart", "user", "ann") // another app's
//		err = partygin.Redirect(c, http.StatusSeeOther, "post", "id", "9")
//	}
//
// # Naming routes
//
// Gin has no route names: gin #90 and #357 asked, and the maintainers
// declined. partygin adds them where a route is registered, with a
// [Router]: a wrapper around a *gin.Engine or *gin.RouterGroup that has
// gin's registration methods, unchanged, and one more, [Router.Named]:
//
//	r := h.Router(engine)
//	r.Named("post").GET("/posts/:id", showPost)
//	admin := r.Group("/admin", requireAdmin) // a Router too
//	admin.Use(audit)
//	admin.Named("user").GET("/users/:id", loadUser, showUser)
//
// Names survive groups and middleware (a name is recorded for the route's
// full path and method, as gin computes them), handlers are untouched,
// every method returns gin.IRoutes as gin's do so chains keep working, and
// a *Router is a gin.IRoutes for code written against gin's interface. The
// name comes first, as a sentence reads ("the post route is GET
// /posts/:id"), and the design keeps what gin #357 asked of one: the router
// methods' return types, and chaining.
//
// Rejected designs:
//
//   - r.GET(path, h).Name("post"), as echo, fiber and gorilla/mux do: GET
//     would have to return a route value instead of gin.IRoutes, which
//     breaks chaining and code that takes a gin.IRoutes.
//   - A marker middleware, engine.GET(path, partygin.Name("post"), h):
//     gin's route table shows only a route's last handler, so the marker
//     would have to come last, which changes what gin reports as the
//     handler (c.HandlerName, RouteInfo.Handler) and the default names.
//   - Wrapping the handler to carry its name: the handler gin sees is no
//     longer yours (its name in gin's listings, logs and c.HandlerName).
//   - A side table, h.Name("GET", "/admin/users/:id", "user"): it repeats
//     the path, knows nothing of group prefixes, and drifts from the
//     registration.
//   - NamedGET("post", path, h) for every method (gin #357's sketch): it
//     doubles gin's API, and two strings in a row are easy to swap.
//
// Routes registered on the engine directly, and routes a Router registers
// without a name, are named after their last handler, the one gin reports
// in RouteInfo.Handler: "shop.showPost", "shop.Server.Show" for a method
// value, nothing for a closure; see [DefaultName] for the rule. Routes that
// share a name and a path (GET and HEAD, Any, Match, Static) are one
// endpoint. Two routes with one name, explicit or default, are an
// [urlfor.AmbiguousError] naming both, only when that name is asked for.
//
// # Routes and patterns
//
// The url_for service reads the engine's live table, engine.Routes(), when
// the app joins and again whenever a name is not found, so routes added
// after the invitation are found. gin has no hook on registration, so a
// miss costs O(routes): a walk of the table and a lookup per route (the
// compiled templates are kept). A route registered through a Router after
// the invitation is read at once.
//
// gin's patterns translate into urlfor templates: ":id" is a parameter (its
// name runs to the next "/", so ":name.json" is a parameter called
// "name.json"), "user_:name" a parameter after literal text, "*path" a
// catch-all, whose value gin hands with a leading "/" ("/a/b" for
// ".../a/b"; building takes "a/b" or "/a/b"), and `\:` a literal colon
// (gin 1.10; gin rewrites it into ":" when it serves its first request, so
// a route with one registered later is not matched by gin itself). A
// pattern gin would have refused is listed with an error.
//
// # What handlers receive, and what is refused
//
// Values are escaped for one path segment (RFC 3986 §3.3) and a URL is
// built only if gin hands the handler the same value back; otherwise URL
// returns an error. Which values come back depends on the engine's flags,
// read when the routes are read (set them before core.New):
//
//	engine flags                                 c.Param gives                          refused in :param   in *catch-all
//	default (UseRawPath false)                   the decoded value                      "/"                 -
//	RemoveExtraSlash, RedirectFixedPath, ...     the same (they never touch our URLs)   "/"                 -
//	UseRawPath                                   decoded with url.QueryUnescape         "/", "+"            "+"
//	UseRawPath, UnescapePathValues false         raw if the URL had a RawPath, else     "/", "%"            "%"
//	                                             decoded (url.PathUnescape it)
//	UseEscapedPath                               decoded with url.QueryUnescape         "/", "+"            "+"
//	UseEscapedPath, UnescapePathValues false     the raw value (url.PathUnescape it)    "/"                 -
//
// gin matches the decoded path by default, so a "/" in a parameter (sent
// as "%2F") is a separator and the value cannot come back. With the raw
// modes gin could route it, but the dispatchers and proxies in front of gin
// may not (http.ServeMux redirects a decoded path with an empty or dot
// segment, Apache refuses "%2F" by default), so "/" is refused in every
// mode. url.QueryUnescape turns a "+" into a space. In the raw modes, a
// route whose literal text holds a byte clients percent-encode ("café")
// cannot be matched reliably, and is listed with an error. Empty values,
// "." and "..", and "//" at the start of a URL are refused by urlfor in
// every mode.
//
// gin prefers a static segment to a parameter: with "/users/:id" and
// "/users/me", the URL of id "me" would reach "/users/me". Such values are
// refused (a [*ShadowedError] names the route that takes them), as is a
// value that would make the path of the app's invite route, which the
// party answers 404 from outside.
//
// # Dispatchers
//
// Behind http.StripPrefix the app sees its local paths and its mount
// prefix is learnt from the invitation. chi's Mount does not strip the
// prefix: register the app's routes with their full paths (a group
// "/shop") and give the full invite route and a namespace:
//
//	h, err := partygin.Join(engine, partygin.InviteRoute("/shop/__invite__/"), partygin.Namespace("shop"))
//
// An app mounted at the root shares its first path segment with the other
// mounts: a URL of its "/:page" with page "shop" goes to the app at /shop.
// Only the dispatcher knows its mounts; the adapter does not refuse these.
package partygin
