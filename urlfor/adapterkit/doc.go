// Package adapterkit is what every partyline adapter is made of, and the
// contract an adapter fulfils. An adapter is its framework's dialect on
// top of this kit: it names routes the way its framework does, translates
// patterns into [urlfor.Template]s, says which values other routes take
// (as data, [urlfor.Taken]), gives handlers an exact value helper where the
// framework's own accessor cannot be exact, and exposes the same options,
// errors and handle methods as every other adapter, shaped to its
// framework's context type. [github.com/partyline-go/partyline/urlfor/adaptertest]
// checks the whole contract over real HTTP; every adapter's tests run it.
//
// # The contract
//
// Join. One entry point, Join(app, opts ...Option) (*Handle, error), that
// registers the invite route in the app ([Config.InviteRoute],
// core.DefaultInvitePath by default) and returns the app's handle. The
// invite route answers with [Member.Answer]: 200 once the invitation is
// accepted and the app joined, 404 to every other request, 409 or 500 with
// the reason when the app declines (already on a party, or joining failed):
// the reason reaches core.New's error through core.Operator.Decline. Join
// checks its options with [Config.Check] before it touches the app, and
// records the app in a [Registry]: an app joins once ([ErrAlreadyJoined],
// for a second Join, a second mount or a second party). The registry holds apps and handles
// weakly: a joined app that is otherwise garbage is not kept alive.
//
// Options. Every adapter declares type Option = adapterkit.Option and
// re-exports [Namespace], [InviteRoute], [WithLogger], [TrustProxy],
// [AllowedHosts] and [CanonicalOrigin] under those names, with its own
// docstring naming its router's placeholders. The last three make the host
// policy of absolute URLs ([urlfor.HostPolicy]): a host comes from
// configuration or an allow-list, never blindly from a header. Adapter-specific settings are methods or types of their
// own, never a second Option type.
//
// Naming. Routes are named the way the framework does (echo's Route.Name,
// mux's Name, fiber's Name); where the framework has none (gin, chi,
// net/http) the adapter adds a naming that reads like the framework. Two
// routes of one name are an [urlfor.AmbiguousError] when built, never a
// silent pick.
//
// Routes. The adapter gives urlfor a live [urlfor.Source] read from the
// framework's own route table, [urlfor.Versioned] where the framework has
// an add-route hook (so that a failed build stays O(1)). Patterns become
// [urlfor.Template]s: the escaping is urlfor's, the adapter says what the
// router cannot route back ([urlfor.Unroutable]) and where a parameter ends.
//
// Values other routes take. For every parameter, the values that would make
// its URL reach another route are [urlfor.Taken] data on the template's
// [urlfor.Part]: exact values, prefixes, case-folded values, and patterns a
// competing constrained parameter matches, each naming the route that takes
// them, reported as [urlfor.ParamError.TakenBy]. [Siblings] finds the
// candidates in the patterns ([SiblingIndex] for a whole table at once);
// where the router can be asked which route a path reaches without running
// a handler (echo's Router.Find, chi's Mux.Find, http.ServeMux.Handler,
// gorilla's Router.Match), [Confirm] asks it ([Witness] makes a path that
// two routes both match, to ask with), so that the adapter does not
// re-implement the router's precedence; where it cannot (gin, fiber), the adapter keeps a model of the router and
// tests it against real HTTP.
//
// Values in handlers. A handler that reads a parameter the way its
// framework's docs teach gets the value put into the URL wherever the
// framework allows it; where it cannot (a router that hands raw text),
// the adapter's Param helper, Param(c, key) (string, error), is exact for
// every URL the adapter builds.
//
// Handle. The same methods in every adapter, shaped to the framework's
// context type C: URL(C, name, pairs...) (string, error),
// AbsoluteURL(C, name, pairs...), Redirect(C, code, name, pairs...) error
// (net/http adapters: Redirect(w, r, code, name, pairs...)), FuncMap(),
// Participant(). [Member] implements them without the context;
// [ContextHandle] shapes them to a framework's context type and
// [HTTPHandle] to *http.Request, for a Handle to embed; [Lookup] is the
// package-level helpers. The
// package-level helpers that find the handle from the context alone fail
// with [ErrNoHandle]. A bad redirect status is a [*urlfor.RedirectCodeError]
// and nothing is written.
//
// Errors. One vocabulary: [ErrInvalidOption], [ErrAlreadyJoined],
// [ErrNoHandle], re-exported by every adapter under those names, wrapped by
// [Errorf] with the adapter's package name first; URL errors are urlfor's
// typed errors, never text to match.
//
// Concurrency. Everything an adapter exports is safe for concurrent use:
// building from many request goroutines while routes are added and while
// another app joins.
package adapterkit
