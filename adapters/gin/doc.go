// Package partygin makes a Gin engine an app of a partyline party: it
// builds URLs for its own routes and for the other apps mounted in the same
// process, whatever their framework, and gives gin's HTML templates urlFor.
// It is gin's dialect on top of the adapter kit (package
// github.com/partyline-go/partyline/urlfor/adapterkit, which states the
// contract every adapter keeps).
//
//	engine := gin.New()
//	h, err := partygin.Join(engine)           // registers the invite route
//	engine.Use(h.Middleware())                // for partygin.URL(c, ...)
//	engine.SetFuncMap(h.FuncMap())            // {{urlFor "post" "id" .ID}}
//	h.Router(engine).Named("post").GET("/posts/:id", showPost)
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
// Gin has no route names (gin #90 and #357 asked; the maintainers
// declined). partygin adds them where a route is registered, with a
// [Router]: a wrapper around a *gin.Engine or *gin.RouterGroup with gin's
// registration methods, unchanged, and [Router.Named]:
//
//	r := h.Router(engine)
//	r.Named("post").GET("/posts/:id", showPost)
//	admin := r.Group("/admin", requireAdmin) // a Router too
//	admin.Named("user").GET("/users/:id", loadUser, showUser)
//
// Names survive groups and middleware, handlers are untouched, and every
// method returns gin.IRoutes as gin's do, so chains and code written
// against gin's interface keep working: what gin #357 asked of a design.
// The designs not taken: r.GET(p, h).Name("post") (GET would no longer
// return gin.IRoutes), a marker middleware (gin reports a route's last
// handler, so it would change c.HandlerName and the default names),
// wrapping the handler (gin would list ours), a side table keyed by path
// (it repeats the path and ignores group prefixes), NamedGET("post", p, h)
// (it doubles gin's API; two strings in a row are easy to swap).
//
// Routes registered on the engine directly, and unnamed ones, are named
// after their last handler, the one gin reports in RouteInfo.Handler
// ("shop.showPost"; nothing for a closure): see [DefaultName]. Routes that
// share a name and a path (GET and HEAD, Any, Match, Static) are one
// endpoint. Two routes with one name are an [urlfor.AmbiguousError] naming
// both, only when that name is asked for.
//
// # Routes and patterns
//
// The url_for service reads the engine's live table, engine.Routes(), when
// the app joins and whenever a name is not found, so routes added later are
// found; a route registered through a Router after the invitation is read
// at once (urlfor.Participant.Refresh). gin has no hook on registration, so
// a miss costs O(routes).
//
// ":id" is a parameter to the next "/" (so ":name.json" is called
// "name.json"), "user_:name" a parameter after literal text, "*path" a
// catch-all, whose value gin hands with a leading "/" ("/a/b" for
// ".../a/b"; building takes "a/b" or "/a/b"), and `\:` a literal colon (gin
// 1.10; gin rewrites it into ":" when it serves its first request). A
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
// "/" is refused in every mode: gin matches the decoded path by default,
// and in the raw modes the dispatchers and proxies in front of gin may not
// route "%2F" (http.ServeMux redirects an empty or dot segment, Apache
// refuses "%2F" by default). url.QueryUnescape turns "+" into a space. In
// the raw modes a route whose literal text holds a byte clients
// percent-encode ("café") cannot be matched reliably, and is listed with an
// error. Empty values, "." and "..", "//" at the start of a URL and invite
// paths are refused by urlfor in every mode.
//
// A value whose URL gin would send to another route, or nowhere, is
// refused with a *urlfor.ParamError whose TakenBy names that route: with
// "/users/:id" and "/users/me", id "me" (gin prefers static segments);
// shadow.go says which other cases gin's lookup has.
//
// # Dispatchers
//
// Behind http.StripPrefix the app sees its local paths and its mount
// prefix is learnt from the invitation. chi's Mount does not strip the
// prefix: register the app's routes with their full paths (a group
// "/shop") and give the full invite route and a namespace:
// partygin.Join(engine, partygin.InviteRoute("/shop/__invite__/"),
// partygin.Namespace("shop")). An app mounted at the root shares its first
// path segment with the other mounts; urlfor refuses a URL that would
// reach another app.
package partygin
