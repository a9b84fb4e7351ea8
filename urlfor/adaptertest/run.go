package adaptertest

import (
	"net/http"
	"testing"
	"time"
)

// Run checks that the adapter d drives keeps the adapter contract, over
// real HTTP on loopback servers (httptest.NewServer), each app mounted in
// an http.ServeMux under http.StripPrefix and wrapped by core.New. It runs
// one subtest per rule, named after it:
//
//   - Join: an app accepts its invitation and builds its URLs; a second
//     Join is adapterkit.ErrAlreadyJoined, and so is a second mount or a
//     second party's invitation (core.New fails naming where the app
//     joined); an invite path listed without its trailing slash joins or
//     fails core.New saying which path to list; a malformed InviteRoute or
//     Namespace is adapterkit.ErrInvalidOption; error texts start with the
//     adapter's package name ("party...").
//   - Options: Namespace and InviteRoute are honoured; the default
//     namespace is the mount prefix without its "/".
//   - InviteSealed: invite paths answer 404 from outside, through the party
//     and on the bare app (wsgi_party: an invite route answers only its
//     invitation).
//   - Errors: unknown endpoint (with "did you mean"), missing parameter,
//     ambiguous bare name, not invited yet: urlfor's typed errors.
//   - RoundTrip: the law of DESIGN.md, over a catalogue of values: a built
//     URL reaches the same endpoint with the same values, or the build is a
//     typed refusal.
//   - Siblings: the law where another route of the app competes for the
//     URL (static, parameter, wildcard, letter case, trailing slash, prefix
//     family, constraint, in-segment).
//   - Hosts: AbsoluteURL's host policy (AllowedHosts, CanonicalOrigin,
//     TrustProxy; without them, only a plain request host), and malformed
//     host options refused by Join with adapterkit.ErrInvalidOption.
//   - Concurrent: building and requesting from many goroutines while
//     another app joins another party; meaningful under -race.
//
// Cases that need a pattern the driver's Dialect cannot say are skipped,
// and so is a Siblings scenario the framework refuses to register. Every
// failure message names the rule it breaks. Run takes a few seconds and
// makes some hundreds of requests, over one keep-alive client.
func Run(t *testing.T, d Driver) {
	t.Helper()
	if d.NewApp == nil || d.Dialect == nil {
		t.Fatal("adaptertest: the Driver needs NewApp and Dialect")
	}
	if d.Framework == "" {
		d.Framework = "the framework"
	}
	s := newSuite(d)
	defer s.close()
	t.Run("Join", s.testJoin)
	t.Run("Options", s.testOptions)
	t.Run("InviteSealed", s.testInviteSealed)
	t.Run("Errors", s.testErrors)
	t.Run("RoundTrip", s.testRoundTrip)
	t.Run("Siblings", s.testSiblings)
	t.Run("Hosts", s.testHosts)
	t.Run("Concurrent", s.testConcurrent)
}

// suite is one run: the driver and the one client every request goes
// through, so that connections are reused across checks.
type suite struct {
	d      Driver
	client *http.Client
}

func newSuite(d Driver) *suite {
	tr := &http.Transport{
		Proxy:               nil, // loopback only, whatever HTTP_PROXY says
		MaxIdleConnsPerHost: 16,
		DisableCompression:  true,
	}
	return &suite{
		d: d,
		client: &http.Client{
			Transport: tr,
			// A redirect is an answer to check (a router that cleans a
			// path redirects), not something to follow.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
			// A hung handler fails its request instead of the whole run.
			Timeout: 10 * time.Second,
		},
	}
}

func (s *suite) close() { s.client.CloseIdleConnections() }

// nativeExact reports whether Echo.Native must equal the value.
func (s *suite) nativeExact(value string, wildcard bool) bool {
	return s.d.NativeExact != nil && s.d.NativeExact(value, wildcard)
}
