package integration_test

// Issue 5's cross test, widened to every adapter: an echo, a gin, a
// gorilla/mux, a chi, a net/http (partyhttp) and a fiber app (through
// partyfiber's bridge) in one party. For every ordered pair of apps (A, B),
// a handler of A builds the URL of B's endpoint with values that need
// escaping; the test fetches A's handler over HTTP, reads the URL it
// produced, follows it, and checks that B's handler saw the same values.
// A's native redirect (the adapter's Redirect helper) to B is followed too.
// It runs once with http.ServeMux + http.StripPrefix as the dispatcher and
// once with chi's Mount.

import (
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// xfMatrixValues need escaping in a path segment and in a query: space,
// "?", "#", non-ASCII, ";", "=", "&", "+", ":" and "@" (kept raw in a path
// as net/url keeps them, escaped in a query), and a placeholder look-alike.
// None holds "/", which some routers refuse in a one-segment parameter (see
// xfSlashValue); the full catalogue is in handlers_read_test.go.
var xfMatrixValues = []string{"a b?c#d", "été 日本;x=1&y", "{v}:+@", "1+1=2 & ü"}

// xfWildValue goes into every app's wildcard: "/" kept between segments.
const xfWildValue = "docs/a b/ü?.txt"

// xfSlashValue holds a "/" inside one segment: it is sent as "%2F".
const xfSlashValue = "a/b c"

// xfSlashRefused are the apps whose routers match the decoded path, where
// "%2F" inside a parameter comes back as a separator: gin (default mode)
// and gorilla/mux (without UseEncodedPath) refuse it, as their packages
// document. The others route the raw path (echo, chi, fiber) or decode per
// segment (net/http's ServeMux) and must take it.
var xfSlashRefused = map[string]bool{"gin": true, "mux": true}

// TestCrossAppMatrix: for every ordered pair (A, B) of the six apps, A's
// handler builds B's show URL for each of xfMatrixValues (and a query),
// B's wildcard URL, and a "/" inside B's one-segment parameter (refused
// with a typed error where B's router cannot route it back); A's Redirect
// goes to B. Every URL is exact (each segment as net/url writes a path,
// RFC 3986 §3.3), equals what the party's own builder gives, and reaches B's
// handler with the same values.
func TestCrossAppMatrix(t *testing.T) {
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			apps := xfMatrixApps(t, layout)
			party, srv := xfServe(t, layout, apps...)
			outside := urlfor.New(party)
			client := srv.Client()
			for _, a := range apps {
				for _, b := range apps {
					// From inside B itself the bare name is B's own
					// endpoint (local first); from another app it is
					// qualified.
					show, files := b.ns+":show", b.ns+":files"
					if a == b {
						show, files = "show", "files"
					}
					check := func(name, want string, pairs []string, wantSeen xfSeen) {
						t.Helper()
						got, err := xfLink(client, srv.URL, a, name, pairs...)
						if err != nil {
							t.Errorf("%s builds %s %q: %v", a.ns, name, pairs, err)
							return
						}
						if got != want {
							t.Errorf("%s builds %s %q = %q, want %q", a.ns, name, pairs, got, want)
							return
						}
						if o, err := outside.URL(b.ns+":"+wantSeen.Endpoint, pairs...); err != nil || o != got {
							t.Errorf("party builder: %q, %v; %s's handler built %q", o, err, a.ns, got)
						}
						seen, err := xfFetchSeen(client, srv.URL, got)
						if err != nil {
							t.Errorf("%s -> %s: %v", a.ns, b.ns, err)
							return
						}
						if seen.String() != wantSeen.String() {
							t.Errorf("%s -> %s: GET %s reached %v\nwant %v", a.ns, b.ns, got, seen, wantSeen)
						}
					}
					for _, v := range xfMatrixValues {
						want := b.prefix() + "/show/" + xfSegment(v) + "?q=" + url.QueryEscape(v)
						seen := xfNewSeen(b.ns, "show")
						seen.Params["v"], seen.Query["q"] = v, v
						check(show, want, []string{"v", v, "q", v}, seen)
					}
					// The adapter's native redirect, to the same URL.
					v := xfMatrixValues[0]
					want := b.prefix() + "/show/" + xfSegment(v)
					status, loc, body := xfGet(t, srv, a.jumpTarget(show, "v", v))
					if status != http.StatusSeeOther || loc != want {
						t.Errorf("%s redirects to %s %q: %d Location %q %s; want 303 to %q", a.ns, show, v, status, loc, body, want)
					} else if s := xfFollow(t, srv, loc); s.App != b.ns || s.Endpoint != "show" || s.Params["v"] != v {
						t.Errorf("%s's redirect to %s reached %v", a.ns, loc, s)
					}

					seen := xfNewSeen(b.ns, "files")
					seen.Params[b.wildKey] = xfWildValue
					check(files, b.prefix()+"/files/"+xfWildcard(xfWildValue), []string{b.wildKey, xfWildValue}, seen)

					if xfSlashRefused[b.ns] {
						_, err := xfLink(client, srv.URL, a, show, "v", xfSlashValue)
						var pe *urlfor.ParamError
						if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) || !xfIsHandlerErr(err) || pe.Param != "v" {
							t.Errorf("%s builds %s with %q: %v, want a *urlfor.ParamError from the handler", a.ns, show, xfSlashValue, err)
						}
					} else {
						seen := xfNewSeen(b.ns, "show")
						seen.Params["v"] = xfSlashValue
						check(show, b.prefix()+"/show/a%2Fb%20c", []string{"v", xfSlashValue}, seen)
					}
				}
			}
		})
	}
}

// TestCrossAppAbsoluteOverTLS serves the party over TLS: every app's
// AbsoluteURL helper, inside a handler, builds every other app's URL with
// the scheme and host the client used ("https" and the server's host),
// including the fiber app, which sees TLS only through partyfiber's bridge.
// The absolute URLs are followed. Over plain HTTP, proxy headers and a
// forged partyfiber.BridgeHeader sent by the client change nothing: no app
// joined with TrustProxy.
func TestCrossAppAbsoluteOverTLS(t *testing.T) {
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			apps := xfMatrixApps(t, layout)
			d, invites := xfDispatcher(layout, apps...)
			party, err := core.New(d, invites)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewTLSServer(party)
			defer srv.Close()
			client := srv.Client()
			origin := "https://" + srv.Listener.Addr().String()
			if !strings.HasPrefix(srv.URL, origin) {
				t.Fatalf("server URL %s, origin %s", srv.URL, origin)
			}
			for _, a := range apps {
				for _, b := range apps {
					u, err := xfLinkAbs(client, srv.URL, a, b.ns+":show", "v", "a b")
					want := origin + b.prefix() + "/show/a%20b"
					if err != nil || u != want {
						t.Errorf("%s's AbsoluteURL for %s:show: %q, %v; want %q", a.ns, b.ns, u, err, want)
						continue
					}
					s, err := xfFetchSeen(client, srv.URL, strings.TrimPrefix(u, origin))
					if err != nil || s.App != b.ns || s.Params["v"] != "a b" {
						t.Errorf("GET %s: %v, %v", u, s, err)
					}
				}
			}

			plain := httptest.NewServer(party)
			defer plain.Close()
			for _, a := range apps {
				target := a.linkTargetQuery(url.Values{"name": {"chi:show"}, "abs": {"1"}}, "v", "x")
				status, _, body, err := xfFetch(plain.Client(), plain.URL, target,
					"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
					"Forwarded", "proto=https;host=evil.example", partyfiber.BridgeHeader, "https 00")
				if want := plain.URL + "/chi/show/x"; err != nil || status != http.StatusOK || body != want {
					t.Errorf("%s's AbsoluteURL with forged headers: %d %q, %v; want %q", a.ns, status, body, err, want)
				}
			}
		})
	}
}

// TestCrossAppRoundTripSweep is the round-trip law of every adapter at
// once, in one party, under both dispatchers (the adapters' own fuzz
// targets mostly run behind http.StripPrefix alone): for the brief's seed
// values and a fixed sample of random ones, building an app's show or files
// URL either fails with a typed parameter error, or gives a URL that
// reaches that endpoint with the same value (and the same value back from
// the query).
func TestCrossAppRoundTripSweep(t *testing.T) {
	values := []string{"", " ", "a b", "/", "%2F", "%", "?", "#", "..", ".", "é", "日本/語", "{id}", ":id",
		"a/b", "+", ";", "a%2Fb", "%25", "//", "a//b", "/a", "a/", "~", "a.b", ".a", "\\", "!$&'()*+,;=",
		"%zz", "\t", "__invite__", "*", "x.json", "%41", "\x00", "\xff"}
	pieces := []string{"a", "B", "/", "%", "2F", "25", "?", "#", " ", ".", "..", "é", "{", "}", ":", "+",
		";", "=", "&", "\\", "~", "*", "!", "'", "(", "[", "@", "$", "|", "^", "`", "\"", "<", "\t", "日", "-"}
	r := rand.New(rand.NewPCG(5, 2))
	for range 150 {
		var sb strings.Builder
		for k := r.IntN(5) + 1; k > 0; k-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		values = append(values, sb.String())
	}
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			apps := xfMatrixApps(t, layout)
			_, srv := xfServe(t, layout, apps...)
			client := srv.Client()
			built := 0
			for _, v := range values {
				for _, b := range apps {
					for _, ep := range []string{"show", "files"} {
						key := "v"
						if ep == "files" {
							key = b.wildKey
						}
						u, err := b.url(b.ns+":"+ep, key, v, "q", v)
						if err != nil {
							if !errors.Is(err, urlfor.ErrInvalidParam) && !errors.Is(err, urlfor.ErrMissingParam) {
								t.Errorf("%s:%s %q: %v, want a *urlfor.ParamError", b.ns, ep, v, err)
							}
							continue
						}
						built++
						want := v
						if b.framework == "gin" && ep == "files" {
							// gin hands a catch-all with a leading "/"
							// (which xfGinRecord drops), so "/a" and "a"
							// are one value to it.
							want = strings.TrimPrefix(v, "/")
						}
						s, err := xfFetchSeen(client, srv.URL, u)
						if err != nil || s.App != b.ns || s.Endpoint != ep || s.Params[key] != want || s.Query["q"] != v {
							t.Errorf("%s:%s %q: GET %s reached %v, %v", b.ns, ep, v, u, s, err)
						}
					}
				}
			}
			t.Logf("%d of %d URLs built and followed", built, len(values)*len(apps)*2)
			if built < len(values) {
				t.Errorf("only %d of %d URLs were built: the sweep checks little", built, len(values)*len(apps)*2)
			}
		})
	}
}
