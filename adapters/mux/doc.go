// Package partymux lets a gorilla/mux router join a partyline: its named
// routes become endpoints that every app of the party can build URLs for,
// and its handlers build URLs for the others.
//
//	r := mux.NewRouter()
//	r.HandleFunc("/posts/{id:[0-9]+}", showPost).Name("post")
//	h, err := partymux.Join(r)             // registers the invite route
//	...
//	party, err := core.New(dispatcher, []string{"/blog/__invite__/"})
//	...
//	u, err := h.URL(req, "post", "id", "7")      // "/blog/posts/7"
//	u, err = h.URL(req, "shop:cart")             // another app's endpoint
//
// # Names and routes
//
// Names are mux's own ([mux.Route.Name]). Routes are read live with
// [mux.Router.Walk], so subrouters ([mux.Route.Subrouter]), routers mounted
// as handlers and routes registered after the invitation are all found. mux
// has no hook on route registration, so a name that is not found makes the
// adapter walk the router again: a failing build costs O(routes); route
// translations are cached per route, so a walk is cheap.
//
// mux's own [mux.Route.URL] resolves names through one map shared by a
// router and its subrouters, and the last route registered under a name
// silently wins. partymux keeps every route: a name held by two routes is
// an [urlfor.AmbiguousError] when built, and [Handle.Check] lists such
// names ([*DuplicateNameError]).
//
// # Templates
//
// Path, host and query templates are read with GetPathTemplate,
// GetHostTemplate and GetQueriesTemplates and parsed here, with mux's brace
// syntax: "{id}", "{id:[0-9]+}", braces nested inside a regexp
// ("{v:[0-9]{3}}"). Constraints are checked when a URL is built, as mux's
// URL does. A variable followed by text in its segment ("{name}.json") is
// matched by mux's regexps with backtracking, so its value may contain the
// text that follows ("a.b.json" has name "a.b"): [urlfor.Backtracking].
//
//   - A PathPrefix route ("/static/") is "any path under the prefix": its
//     template ends with a wildcard named [RestParam], whose value is the
//     rest of the path ("css/site.css" gives "/static/css/site.css"). For a
//     prefix without a trailing slash ("/static") the rest follows a "/",
//     and leaving it out gives the prefix itself.
//   - A last variable whose regexp can match "/" ("/files/{path:.*}") is a
//     wildcard too: its value keeps "/" between segments.
//   - Host("{sub}.example.com") makes the URL absolute, with the host filled
//     in and each host variable checked as a host label (RFC 1123); the
//     scheme is the first of the route's Schemes, else "http" (as mux), or
//     the request's scheme for [Handle.AbsoluteURL].
//   - Queries("page", "{page:[0-9]+}") values are required, checked, and
//     placed first in the query string; mux matches them decoded.
//
// A route partymux cannot translate safely (two variables with nothing
// between them, a query value mixing text and a variable, a PathPrefix
// template ending with a variable mux may cut short, a mux route error) is
// still listed, and building it returns a [*RouteError].
//
// # What mux does with escaped values, and what partymux refuses
//
// Every URL partymux builds, requested through the dispatcher, reaches the
// same route with the same mux.Vars (the round-trip law, fuzzed in the
// tests). What that takes depends on the route's mode, which partymux
// reads from each route by matching two synthetic requests with
// [mux.Route.Match] (mux has no getter for it):
//
//   - By default mux matches the decoded path (r.URL.Path): "%2F" inside a
//     value comes back as "/" and splits the segment, so a value holding
//     "/" is refused ([urlfor.Unroutable]); mux.Vars are decoded values.
//   - After [mux.Router.UseEncodedPath], mux matches the escaped path
//     (r.URL.EscapedPath()) and mux.Vars hold escaped values: handlers
//     call url.PathUnescape. "a/b" is sent as "a%2Fb" and comes back; its
//     "/"-separated pieces must not be empty, "." or "..", since decoding
//     dispatchers and the party's guard clean the decoded path. Regexp
//     constraints then apply to the escaped text, so a value checked
//     against one must be made only of bytes that are never escaped
//     (letters, digits, "-._~$&+:=@"), unless the constraint accepts any
//     text ("{v:.*}", "{v:[^/]+}").
//   - When a route cannot be probed (a Headers or MatcherFunc matcher, a
//     BuildOnly route), both sets of rules apply.
//
// Two variables in one segment ("{a}-{b}") may be split by mux's regexp
// elsewhere than where the values meet ("x-y" then "z" reads back as "x"
// then "y-z"). Unless each variable's regexp cannot match the first byte of
// the text that follows it ("{type:[a-z]+}-{date}"), which fixes the split,
// their values may not contain any byte of that segment's literal text.
// Likewise a variable whose regexp can match "/" is a wildcard only when it
// is last and no variable before it can match "/". mux cleans paths and
// redirects ("..", "//") unless [mux.Router.SkipClean]: dot segments and
// empty segments are always refused, whatever the mode.
//
// What partymux does not see: a BuildVarsFunc (mux rewrites the values in
// its own URL; partymux builds the values given), Headers and MatcherFunc
// matchers (a URL cannot carry them), BuildOnly routes (built, never
// matched, as in mux), and a route wholly shadowed by an earlier one that
// matches all its URLs (mux tries routes in order; so does its URL).
//
// # Values an earlier route takes
//
// mux tries routes in registration order, first match wins: with
// "/posts/new" registered before "/posts/{id}", the URL for id "new"
// reaches "/posts/new". partymux refuses such values (a
// [*urlfor.ParamError] ending `reaches "/posts/new" instead`): the
// literal text of earlier routes of overlapping methods and hosts that
// would match the built URL, for one-segment variables, trailing wildcards
// and the rest of a PathPrefix route. The precedence rules, tested on mux,
// and what is not covered (an earlier route's variable taking values, a
// PathPrefix without a trailing slash taking longer values) are listed in
// shadow.go.
//
// # Finding the handle from a request
//
// mux handlers are plain net/http handlers, so the "context" of the
// helpers is the *http.Request. The package-level [URL], [AbsoluteURL] and
// [Redirect] find the handle of the router that served the request from
// [mux.CurrentRoute]: no middleware is needed, and the user's router is
// not changed beyond the invite route.
package partymux
