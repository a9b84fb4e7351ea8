// Package partygin makes a Gin engine an app of a partyline party: it
// builds URLs for its own routes and for the other apps mounted in the same
// process, whatever their framework, and gives gin's HTML templates urlFor.
// It is gin's dialect on top of the adapter kit (package
// github.com/partyline-go/partyline/urlfor/adapterkit, which states the
// contract every adapter keeps).
//
//	engine := gin.New()
//	h, err := partygin.Join(engine)           // registers the invite route (JoinAhead: a root catch-all)
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
// the app joins and when a name is not found, O(routes). A route
// registered through a [Router] after the invitation is found at the next
// build: the Router has the routes re-read as it registers
// (urlfor.Participant.Refresh). gin has no hook on registration, so one
// registered on the engine directly is found at the first miss when the
// app has been quiet, else within ten re-reads' time under a stream of
// misses ([urlfor.Versioned]: urlfor keeps re-reads under a tenth of the
// wall time, so that unknown names stay cheap); Refresh on the participant
// of [Handle.Participant] makes it at once.
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
// Values are escaped for one path segment as net/url writes a path
// (RFC 3986 §3.3; "," ";" and the other bytes net/url keeps raw stay raw)
// and a URL is built only if gin hands the handler the same value back;
// otherwise URL returns an error. Which values come back depends on the
// engine's flags, read when the routes are read (set them before
// core.New):
//
//	engine flags                                 c.Param gives                          refused in :param   in *catch-all
//	default (UseRawPath false)                   the value                              "/"                 -
//	RemoveExtraSlash, RedirectFixedPath, ...     the same (they never touch our URLs)   "/"                 -
//	UseRawPath                                   the value (but see below)              "/"                 -
//	UseRawPath, UnescapePathValues false         the value (but see below)              "/"                 -
//	UseEscapedPath                               the value (gin's url.QueryUnescape)    "/", "+"            "+"
//	UseEscapedPath, UnescapePathValues false     the escaped value (url.PathUnescape)   "/"                 -
//
// "/" is refused in every mode: gin matches the decoded path by default,
// and in the raw modes the dispatchers and proxies in front of gin may not
// route "%2F" (http.ServeMux redirects an empty or dot segment, Apache
// refuses "%2F" by default). url.QueryUnescape turns "+" into a space.
// With UseRawPath gin matches the raw path only when the request has one
// (url.URL.RawPath), and a URL written as net/url writes paths has none:
// gin then matches the decoded path and hands decoded values, as by
// default. A route whose literal text holds "!", "'", "(", ")", "[", "]",
// "^" or "|", which clients send raw and net/url would escape, makes its
// URLs keep a RawPath: with UseRawPath gin then hands that route raw
// values, unescaped with url.QueryUnescape ("+" refused) or, without
// UnescapePathValues, as they are ("%" refused: url.PathUnescape them). A
// mount prefix holding one of those bytes would do the same to every
// route, unknown to the templates: with UseRawPath, mount the app at a
// prefix without them. Where gin matches raw text, a route whose literal
// holds a byte clients percent-encode ("café") is never matched, and is
// listed with an error: with UseEscapedPath, and with UseRawPath when the
// literal also keeps a RawPath. Empty values, "." and "..", "//" at the
// start of a URL and invite paths are refused by urlfor in every mode.
//
// A value whose URL gin would send to another route, or nowhere, is
// refused with a *urlfor.ParamError whose TakenBy names that route: with
// "/users/:id" and "/users/me", id "me" (gin prefers static segments);
// shadow.go says which other cases gin's lookup has.
//
// # Single-page apps: a root catch-all
//
// gin allows no route beside a root catch-all of the same method
// ("/*path", the fallback of a single-page app), the invite route
// included: it panics at registration, whichever comes first. Such an app
// joins with [JoinAhead], called before the catch-all is registered:
//
//	h, err := partygin.JoinAhead(engine)  // first
//	engine.GET("/*path", serveIndex)      // then the fallback
//
// JoinAhead registers no invite route in a method that has no route yet
// and answers the invitation ahead of routing instead, with a middleware
// it adds with engine.Use: gin runs it before the handlers of the routes
// registered after it (make groups after it too) and of its 404 and 405
// answers. The fallback serves every path but the invite route, which
// answers as with Join (200 to the party's invitation, 404 to any other
// request). In the other order, the catch-all's handlers are fixed before
// JoinAhead could add anything in front of them: Join and JoinAhead then
// return an [*InviteConflictError] naming the route and the fix, and change
// nothing. Keep [Join] for other apps: its invite route is a static route,
// which gin prefers to a parameter, whereas gin redirects the invite path
// before any middleware runs when the app has a root parameter ("/:page").
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
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL a handler builds with its *gin.Context
// takes the lang of the route c matched when not given, as the client
// meant it (c.Param, unescaped where the engine hands raw text): under
// r.GET("/:lang/posts/:id", ...), h.URL(c, "about") builds "/:lang/about"
// in the page's language, in this app or another. With [SignWith], the
// handle's SignedURL builds signed, expiring URLs, and the gin middleware
// [ValidateSignature], on the routes that serve them, answers 403 with
// the reason to any URL that was changed or has expired. The handle's
// Link builds an RFC 8288 link-value by endpoint name for a Link header
// (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every
// partyline adapter, and
// [ErrInvalidOption], [ErrAlreadyJoined] and [ErrNoHandle] its errors
// (package adapterkit states the contract, urlfor/adaptertest checks it);
// [InviteConflictError] is gin's own. The host of [Handle.AbsoluteURL]
// comes from configuration ([CanonicalOrigin]) or an allow-list
// ([AllowedHosts]); without them only a plain request host, a DNS name or
// an IP literal, is used, and [Join] logs a warning for [TrustProxy]
// without them.
package partygin
