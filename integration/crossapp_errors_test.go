package integration_test

// Typed errors across apps, each met inside a real handler of every adapter
// (its URL or Redirect helper) and carried to the test as the adapter
// returned it: an unknown endpoint (with "did you mean"), a bare name two
// apps have (an AmbiguousError listing both), a missing parameter, and
// every helper called before the party invited the app
// (urlfor.ErrNotInvited).

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func TestCrossAppTypedErrors(t *testing.T) {
	for _, layout := range xfLayouts {
		t.Run(string(layout), func(t *testing.T) {
			apps := xfMatrixApps(t, layout)
			_, srv := xfServe(t, layout, apps...)
			client := srv.Client()
			for i, a := range apps {
				b := apps[(i+1)%len(apps)] // another app

				// Unknown endpoint: a typo in another app's name.
				_, err := xfLink(client, srv.URL, a, b.ns+":shwo", "v", "1")
				var unknown *urlfor.UnknownEndpointError
				if !xfIsHandlerErr(err) || !errors.As(err, &unknown) || !errors.Is(err, urlfor.ErrUnknownEndpoint) {
					t.Errorf("%s asks %s:shwo: %v, want an *urlfor.UnknownEndpointError", a.ns, b.ns, err)
				} else {
					if s := unknown.Suggestions(); len(s) == 0 || s[0] != b.ns+":show" {
						t.Errorf("%s asks %s:shwo: suggestions %q, want %q first", a.ns, b.ns, s, b.ns+":show")
					}
					if want := fmt.Sprintf(`urlfor: unknown endpoint "%s:shwo" (did you mean "%s:show"`, b.ns, b.ns); !strings.HasPrefix(err.Error(), want) {
						t.Errorf("%s asks %s:shwo: %q, want it to start with %q", a.ns, b.ns, err, want)
					}
				}

				// The same through the adapter's Redirect: nothing is
				// written but the handler's own answer.
				status, loc, _ := xfGet(t, srv, a.jumpTarget(b.ns+":shwo", "v", "1"))
				if err := a.lastErr(); status != http.StatusInternalServerError || loc != "" || !errors.As(err, &unknown) {
					t.Errorf("%s redirects to %s:shwo: %d Location %q, %v; want 500, no Location, an *urlfor.UnknownEndpointError", a.ns, b.ns, status, loc, err)
				}

				// Missing parameter.
				_, err = xfLink(client, srv.URL, a, b.ns+":show", "q", "1")
				var pe *urlfor.ParamError
				if !xfIsHandlerErr(err) || !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrMissingParam) ||
					!pe.Missing || pe.Param != "v" || pe.Endpoint != b.ns+":show" || !strings.Contains(pe.Pattern, "/show/") {
					t.Errorf("%s asks %s:show without v: %v, want a *urlfor.ParamError (missing v)", a.ns, b.ns, err)
				}

				// Ambiguous bare name: chi and mux both have "about".
				u, err := xfLink(client, srv.URL, a, "about")
				switch a.ns {
				case "chi", "mux":
					// Local first: an app that has "about" gets its own.
					if want := a.prefix() + "/about"; err != nil || u != want {
						t.Errorf("%s asks about: %q, %v; want its own %q", a.ns, u, err, want)
					} else if s := xfFollow(t, srv, u); s.App != a.ns || s.Endpoint != "about" {
						t.Errorf("%s's about reached %v", a.ns, s)
					}
				default:
					var amb *urlfor.AmbiguousError
					want := []string{
						"chi:about (GET /about)",
						fmt.Sprintf("mux:about (GET %s/about)", apps[2].base),
					}
					if !xfIsHandlerErr(err) || !errors.As(err, &amb) || !errors.Is(err, urlfor.ErrAmbiguous) ||
						amb.Name != "about" || fmt.Sprint(amb.Candidates) != fmt.Sprint(want) {
						t.Errorf("%s asks about: %q, %v; want an *urlfor.AmbiguousError with %q", a.ns, u, err, want)
					}
					for _, q := range []string{"chi:about", "mux:about"} {
						u, err := xfLink(client, srv.URL, a, q)
						if err != nil || u != "/"+q[:3]+"/about" {
							t.Errorf("%s asks %s: %q, %v", a.ns, q, u, err)
						}
					}
				}
			}
		})
	}
}

// TestCrossAppNotInvited serves the apps' dispatcher before any party
// wraps it: every adapter's helpers, inside handlers over HTTP and outside,
// fail with urlfor.ErrNotInvited; the echo blog's redirect writes nothing;
// the gin shop's template fails. Then core.New invites them, the same
// server serves the party, and the same requests succeed.
func TestCrossAppNotInvited(t *testing.T) {
	apps := xfMatrixApps(t, xfServeMux)
	x := xfHeadline(t, xfServeMux)
	all := append(append([]*xfApp(nil), apps...), x.blog, x.shop)
	dispatcher, invites := xfDispatcher(xfServeMux, all...)
	var current atomic.Pointer[http.Handler]
	current.Store(&dispatcher)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(*current.Load()).ServeHTTP(w, r)
	}))
	defer srv.Close()
	client := srv.Client()

	for i, a := range apps {
		b := apps[(i+1)%len(apps)]
		if _, err := xfLink(client, srv.URL, a, b.ns+":show", "v", "1"); !xfIsHandlerErr(err) || !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("%s's handler before the invitation: %v, want urlfor.ErrNotInvited", a.ns, err)
		}
		if _, err := a.url("show", "v", "1"); !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("%s's handle before the invitation: %v, want urlfor.ErrNotInvited", a.ns, err)
		}
		if p, err := a.participant(); p != nil || !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("%s's Participant before the invitation: %v, %v", a.ns, p, err)
		}
		// Nor does a request from outside to the invite route join it.
		if status, _, _ := xfGet(t, srv, a.invitePath()); status != http.StatusNotFound {
			t.Errorf("GET %s before the party: %d, want 404", a.invitePath(), status)
		}
	}
	status, loc, _ := xfGet(t, srv, "/blog/buy/x")
	if err := x.blog.lastErr(); status != http.StatusInternalServerError || loc != "" || !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("echo Redirect before the invitation: %d Location %q, %v", status, loc, err)
	}
	var buf bytes.Buffer
	if err := x.page.Execute(&buf, map[string]string{}); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("gin FuncMap before the invitation: %v, want urlfor.ErrNotInvited", err)
	}

	party, err := core.New(dispatcher, invites)
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range party.Invitations() {
		if !inv.Joined {
			t.Fatalf("invitation %+v", inv)
		}
	}
	var h http.Handler = party
	current.Store(&h)

	for i, a := range apps {
		b := apps[(i+1)%len(apps)]
		u, err := xfLink(client, srv.URL, a, b.ns+":show", "v", "1")
		if want := b.prefix() + "/show/1"; err != nil || u != want {
			t.Errorf("%s's handler after the invitation: %q, %v; want %q", a.ns, u, err, want)
		}
		if _, err := a.participant(); err != nil {
			t.Errorf("%s's Participant after the invitation: %v", a.ns, err)
		}
		if status, _, _ := xfGet(t, srv, a.invitePath()); status != http.StatusNotFound {
			t.Errorf("GET %s through the party: %d, want 404", a.invitePath(), status)
		}
	}
	if status, loc, _ := xfGet(t, srv, "/blog/buy/x"); status != http.StatusSeeOther || loc != "/products/x?ref=blog" {
		t.Errorf("echo Redirect after the invitation: %d Location %q", status, loc)
	}
	if status, _, body := xfGet(t, srv, "/page"); status != http.StatusOK || !strings.Contains(body, `href="/blog/posts/hello%20world"`) {
		t.Errorf("gin page after the invitation: %d %s", status, body)
	}
}
