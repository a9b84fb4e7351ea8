// Package partymux lets a gorilla/mux router join a partyline: its named
// routes become endpoints that every app of the party can build URLs for,
// and its handlers build URLs for the others. It follows the adapter
// contract of package adapterkit (urlfor/adapterkit).
//
//	r := mux.NewRouter()
//	h, err := partymux.Join(r)             // registers the invite route
//	r.HandleFunc("/posts/{id:[0-9]+}", showPost).Name("post")
//	...
//	party, err := core.New(dispatcher, []string{"/blog/__invite__/"})
//	...
//	u, err := h.URL(req, "post", "id", "7")   // "/blog/posts/7"
//	u, err = partymux.URL(req, "shop:cart")   // from any handler of the router
//
// # Names and routes
//
// Names are mux's own ([mux.Route.Name]). Routes are read live with
// [mux.Router.Walk] (subrouters, routers mounted as handlers, routes added
// after the invitation); a name not found makes the adapter walk the
// router again, O(routes). mux has no hook on route registration, so a
// route added after the invitation is found at the first miss when the app
// has been quiet, else within ten re-reads' time under a stream of misses
// ([urlfor.Versioned]: urlfor keeps those walks under a tenth of the wall
// time, so that unknown names stay cheap); Refresh on the participant of
// [Handle.Participant] makes it at once. A name two routes hold is an
// [urlfor.AmbiguousError] (mux's Route.URL silently takes the last),
// listed by [Handle.Check].
//
// Templates use mux's syntax ("{id}", "{id:[0-9]+}"); constraints are
// checked when a URL is built, as mux does. A PathPrefix route's rest is
// the wildcard [RestParam]; a last variable whose regexp can match "/"
// ("{path:.*}") is a wildcard; a Host template makes the URL absolute;
// Queries values are required. A route partymux cannot translate safely
// (two variables with nothing between them, a query value mixing text and
// a variable) is listed, and building it returns a [*RouteError].
//
// # The round-trip law
//
// Every URL partymux builds, requested through the dispatcher, reaches the
// same route with the same mux.Vars, or the build returns a typed error.
// By default mux matches the decoded path r.URL.Path, where a "%2F" has
// already become "/", which the variable's regexp sees as the end of its
// segment: a value holding "/" cannot come back inside one variable, so it
// is refused (a variable whose regexp matches "/", last in the template,
// is a wildcard and keeps "/" as its separator). Every other value comes
// back exactly in mux.Vars: "Smith, John" as "/Smith,%20John", spelled as
// mux's own Route.URL spells it, since urlfor escapes a path as Go's
// url.URL does. After [mux.Router.UseEncodedPath], mux.Vars hold escaped
// values (handlers call url.PathUnescape) and "a/b" is sent as "a%2Fb".
// partymux reads each route's mode by matching requests with
// [mux.Route.Match]. Dot
// and empty segments are refused (mux cleans them); a variable followed by
// text in its segment ("{name}.json") may contain that text, since mux's
// regexps backtrack.
//
// mux tries routes in registration order, so an earlier route takes URLs
// of a later one: with "/posts/new" first, "/posts/{id}" refuses id "new"
// (a [*urlfor.ParamError] whose TakenBy names "/posts/new"); with
// "/items/draft-{n}" first, every id starting "draft-"; with
// "/r/{y:[0-9]+}" first, every id of digits; a route without variables an
// earlier one takes fails to build. partymux asks mux itself which route
// a URL reaches (Router.Match, which runs no handler); shadow.go has the
// rules. It does not see BuildVarsFunc (it builds the values given),
// Headers and MatcherFunc matchers (a URL cannot carry them) and BuildOnly
// routes (built, never matched, as in mux).
//
// # Finding the handle from a request
//
// mux handlers are plain net/http handlers, so the helpers take the
// *http.Request. [FromRequest] finds the handle of the router that served
// it from [mux.CurrentRoute], with no middleware; the package-level [URL],
// [AbsoluteURL] and [Redirect] use it and fail with [ErrNoHandle] when
// there is none. A joined router that is otherwise garbage is not kept
// alive.
//
// # Sticky parameters, signed URLs and Link headers
//
// With [Sticky]("lang"), a URL built with the request (h.URL(r, ...), the
// package-level [URL], Redirect, AbsoluteURL, SignedURL, Link) takes the
// lang of the mux route the request matched when not given, as mux.Vars
// holds it (unescaped after UseEncodedPath): a site under "/{lang}/..."
// keeps its language across apps. With [SignWith], [Handle.SignedURL]
// builds signed, expiring URLs, and the mux middleware
// [ValidateSignature], in a subrouter's Use or around a handler, answers
// 403 with the reason to any URL that was changed or has expired.
// [Handle.Link] builds an RFC 8288 Link header value by route name
// (urlfor.JoinLinks joins several).
//
// # Options and errors
//
// [Namespace], [InviteRoute], [WithLogger], [TrustProxy], [AllowedHosts],
// [CanonicalOrigin], [Sticky] and [SignWith] are the options of every partyline adapter, and
// [ErrInvalidOption], [ErrAlreadyJoined] and [ErrNoHandle] its errors
// (package adapterkit states the contract, urlfor/adaptertest checks it);
// [ErrInviteUnreachable], [RouteError] and [DuplicateNameError] are mux's
// own. The host of [Handle.AbsoluteURL] comes from configuration
// ([CanonicalOrigin]) or an allow-list ([AllowedHosts]); without them only
// a plain request host, a DNS name or an IP literal, is used, and [Join]
// logs a warning for [TrustProxy] without them.
package partymux
