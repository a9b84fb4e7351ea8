// Package adaptertest is the conformance suite of partyline adapters, in
// the manner of testing/fstest.TestFS: an adapter's tests fill in a small
// [Driver] for their framework, and [Run] checks the whole adapter contract
// of DESIGN.md over real HTTP: joining and its errors, the shared options,
// sealed invite routes, urlfor's typed errors, the round-trip law over a
// catalogue of hostile values, the same law where sibling routes compete
// for a URL, and concurrent use.
//
// The suite mounts each app it makes in an http.ServeMux under
// http.StripPrefix ("/mnt" unless a check needs several apps), wraps that
// dispatcher with core.New, and serves it with httptest.NewServer on
// loopback. URLs are requested exactly as built, with one keep-alive
// http.Client that neither cleans paths nor follows redirects.
//
// A driver is a struct of functions. Routes are given in the suite's
// neutral [Pattern] syntax ("/items/{id}", "{y:[0-9]+}", "{path...}"),
// which [Translate] rewrites into the framework's dialect; every route
// answers with [WriteEcho], reporting which endpoint served the request
// and the parameters it read:
//
//	func TestConformance(t *testing.T) {
//		adaptertest.Run(t, adaptertest.Driver{
//			Framework: "net/http ServeMux",
//			Dialect:   dialect, // adaptertest.Translate with the router's syntax
//			NewApp:    newApp,  // registers the routes, then Join(app, opts...)
//			// r.PathValue is decoded: exact for every value.
//			NativeExact: func(string, bool) bool { return true },
//		})
//	}
//
// The suite's own test, adaptertest_test.go, is a complete driver for
// partyhttp, and three broken ones that Run must fail.
//
// A failure names the rule it breaks, the value (%q), the URL built and
// what came back. Cases the framework cannot express are skipped with the
// reason, not failed: a pattern the Dialect cannot say, a route set the
// framework refuses to register.
package adaptertest
