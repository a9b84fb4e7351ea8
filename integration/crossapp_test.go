package integration_test

// Issue 5's cross test, widened to every adapter: an echo, a gin, a
// gorilla/mux, a chi, a net/http (partyhttp) and a fiber app (through
// partyfiber's bridge) in one party. For every ordered pair of apps (A, B),
// a handler of A builds the URL of B's endpoint with values that need
// escaping; the test fetches A's handler over HTTP, reads the URL it
// produced, follows it, and checks that B's handler saw the same values.
// It runs once with http.ServeMux + http.StripPrefix as the dispatcher and
// once with chi's Mount.

import (
	"errors"
	"net/url"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// xfMatrixValues need escaping in a path segment and in a query: space,
// "?", "#", non-ASCII, ";" (escaped by urlfor), "=", "&", "+", ":" and "@"
// (kept raw in a path, escaped in a query), and a placeholder look-alike.
// None holds "/" or "%", which some routers refuse in a one-segment
// parameter (see xfSlashValue).
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

func TestCrossAppMatrix(t *testing.T) {
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			apps := xfMatrixApps(t, layout)
			party, srv := xfServe(t, layout, apps...)
			outside := urlfor.New(party)
			client := srv.Client()
			pairsChecked := 0
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
						want := b.prefix() + "/show/" + url.PathEscape(v) + "?q=" + url.QueryEscape(v)
						seen := xfNewSeen(b.ns, "show")
						seen.Params["v"], seen.Query["q"] = v, v
						check(show, want, []string{"v", v, "q", v}, seen)
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
					pairsChecked++
				}
			}
			if want := len(apps) * len(apps); pairsChecked != want {
				t.Fatalf("checked %d ordered pairs, want %d", pairsChecked, want)
			}
		})
	}
}
