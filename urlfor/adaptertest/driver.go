package adaptertest

import (
	"net/http"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Pattern is a route pattern in the suite's neutral syntax, which a
// [Driver] translates into its framework's dialect:
//
//   - literal text, as it appears in the path: "/posts/new";
//   - "{name}": a parameter filling one path segment, or part of one beside
//     literal text ("/files/{name}.json");
//   - "{name:re}": a parameter constrained by the regexp re (RE2 syntax);
//   - "{name...}": a trailing wildcard spanning any number of segments.
type Pattern string

// Route is one route of a test app. An unnamed route is still registered,
// because it still competes for URLs (the suite never builds it); it
// answers an [Echo] with Route "" and Self "".
type Route struct {
	Name    string  // the endpoint name; "" leaves the route unnamed
	Method  string  // "GET" when empty
	Pattern Pattern // neutral syntax
}

// Options are the shared options the suite asks a driver to pass to its
// adapter's Join (Namespace, InviteRoute); zero values mean "not given".
type Options struct {
	Namespace   string
	InviteRoute string
	// Kit holds options of adapterkit (AllowedHosts, CanonicalOrigin,
	// TrustProxy), which every adapter's Option is: the driver passes them
	// to Join after its own.
	Kit []adapterkit.Option
}

// Driver adapts one framework and its adapter to the suite. It is a
// struct of functions, like net/http/httptest's helpers, so that an
// adapter's test file fills in only what its framework has.
type Driver struct {
	// Framework names the framework in messages: "chi", "echo v4".
	Framework string
	// Dialect translates a neutral pattern into the framework's own text;
	// ok is false when the framework cannot say it (gin has no regexp
	// constraints): the suite then skips the cases that need it.
	Dialect func(p Pattern) (dialect string, ok bool)
	// NewApp makes a fresh app of the framework with routes registered in
	// the order given, each named the framework's way and answering with
	// [WriteEcho]; then it calls the adapter's Join with o and returns the
	// app. An error is Join's, or the framework's refusal of the route set
	// (a panic is taken as one): a Siblings scenario the framework refuses
	// is skipped, not failed. Concurrent calls it from goroutines other
	// than the test's, so it must not call t.Fatal: return an error.
	NewApp func(t testing.TB, routes []Route, o Options) (*App, error)
	// NativeExact says for which values the framework's own accessor
	// (Echo.Native) returns exactly the value put into the URL; the suite
	// checks Native for those. Nil checks Native for none (Param is always
	// checked).
	NativeExact func(value string, wildcard bool) bool
	// SlashPrefixedWildcard says the framework hands a wildcard's value to
	// handlers with a leading "/" (gin: "*path" gives "/a/b" for
	// ".../a/b", as its docs show), which urlfor's Part.SlashPrefixed
	// models: "a/b" and "/a/b" then build the same URL, and the suite
	// expects the value with one leading "/" (Param and Native).
	SlashPrefixedWildcard bool
}

// App is one app a [Driver] made and joined.
type App struct {
	// Handler serves the app; the suite mounts it under a prefix with
	// http.StripPrefix in an http.ServeMux wrapped by core.New.
	Handler http.Handler
	// URL builds through the adapter's handle from outside any request (the
	// handle's URL with a nil or zero context).
	URL func(name string, pairs ...string) (string, error)
	// JoinAgain calls the adapter's Join on the same app again; it must
	// fail with adapterkit.ErrAlreadyJoined.
	JoinAgain func() error
}

// Echo is what every route of a test app answers, as JSON (see
// [WriteEcho]): which endpoint served the request, and each parameter of
// its pattern read the two ways a handler can.
type Echo struct {
	// Route is the endpoint name of the route that served the request.
	Route string `json:"route"`
	// Native holds each parameter as the framework's own accessor reads
	// it: c.Param in echo and gin, chi.URLParam, mux.Vars, c.Params in
	// fiber, r.PathValue. The wildcard is under its neutral name.
	Native map[string]string `json:"native"`
	// Param holds each parameter as the adapter's exact helper reads it
	// (partyecho.Param, partychi.URLParam, ...), or the native value where
	// the adapter needs none.
	Param map[string]string `json:"param"`
	// Self is the URL of the serving endpoint built from inside the request
	// through the handle's context-taking URL, with the values of Param;
	// "" or the error text when that failed.
	Self string `json:"self"`
	// Absolute is the same built through the handle's context-taking
	// AbsoluteURL: "http://example.com/mnt/items/7", or the error text.
	Absolute string `json:"absolute"`
}
