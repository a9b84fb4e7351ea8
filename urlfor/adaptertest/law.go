package adaptertest

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// The rules a built URL is checked against.
var (
	ruleTyped    = rule{"typed refusal", "a value that cannot round-trip is refused with an error matching urlfor.ErrInvalidParam or urlfor.ErrMissingParam (a route without parameters that no URL reaches: urlfor.ErrInvalidTemplate), never with another error"}
	ruleMount    = rule{"mount prefix", "a URL carries the app's mount prefix and stays inside the app"}
	ruleInPath   = rule{"values stay in the path", "a URL built with no query pairs has no raw \"?\" or \"#\": a value never ends the path"}
	ruleLaw      = rule{"round-trip law", "the URL, requested through the dispatcher, reaches the endpoint it was built for with the same parameter values (DESIGN.md, urlfor); where the router cannot give them back, the build returns an error instead of a URL"}
	ruleNative   = rule{"native accessor", "Driver.NativeExact says the framework's own accessor (Echo.Native) returns this value exactly"}
	ruleSelf     = rule{"self URL", "the handle's URL built from inside the request (Echo.Self), with the values the handler read, equals the URL built outside it"}
	ruleCoverage = rule{"coverage", "a plain value such as \"abc\" builds: an adapter that refuses everything proves nothing"}
)

// call is one URL call of the law: an endpoint of an app and a value for
// each of its parameters.
type call struct {
	name   string  // the endpoint's local name: what Echo.Route must say
	ask    string  // the name given to App.URL ("x:item"); name when ""
	params []Param // the route's parameters, in pattern order
	values []string
}

func (c call) asked() string {
	if c.ask != "" {
		return c.ask
	}
	return c.name
}

func (c call) pairs() []string {
	out := make([]string, 0, 2*len(c.params))
	for i, p := range c.params {
		out = append(out, p.Name, c.values[i])
	}
	return out
}

func (c call) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "URL(%q", c.asked())
	for _, s := range c.pairs() {
		fmt.Fprintf(&b, ", %q", s)
	}
	b.WriteString(")")
	return b.String()
}

// outcome is what one check of the law found.
type outcome int

const (
	refused outcome = iota // a typed refusal: allowed
	reached                // built, and came back as it should
	broken                 // a rule broke; rep has the message
)

// law builds c in app (mounted at prefix in pt) and checks the URL over
// HTTP: it must reach c's endpoint, with Param (and Native where the driver
// says so) equal to every value, and Self equal to the URL. A refusal must
// match urlfor.ErrInvalidParam or urlfor.ErrMissingParam; a route with no
// parameters may also be refused as a whole with urlfor.ErrInvalidTemplate,
// the error of a route no URL can reach (an earlier catch-all takes all of
// them in a first-match router), since no value is there to refuse.
func (s *suite) law(rep *reporter, pt *party, app *App, prefix string, c call) outcome {
	rep.t.Helper()
	u, err := app.URL(c.asked(), c.pairs()...)
	if err != nil {
		if errors.Is(err, urlfor.ErrInvalidParam) || errors.Is(err, urlfor.ErrMissingParam) ||
			len(c.params) == 0 && errors.Is(err, urlfor.ErrInvalidTemplate) {
			return refused
		}
		rep.errorf(ruleTyped, "%s failed with %T: %v", c, err, err)
		return broken
	}
	if !strings.HasPrefix(u, prefix+"/") {
		rep.errorf(ruleMount, "%s = %q, want a path under %q", c, u, prefix+"/")
		return broken
	}
	if strings.ContainsAny(u, "?#") {
		rep.errorf(ruleInPath, "%s = %q", c, u)
		return broken
	}
	resp, err := s.do(pt.srv, http.MethodGet, u)
	if err != nil {
		rep.errorf(ruleLaw, "%s = %q, which a client cannot send: %v", c, u, err)
		return broken
	}
	switch {
	case resp.status >= 300 && resp.status < 400:
		rep.errorf(ruleLaw, "%s = %q, answered %d redirecting to %q: %s cleans or redirects this path, so the URL must be refused", c, u, resp.status, resp.location, s.d.Framework)
		return broken
	case resp.status != http.StatusOK:
		rep.errorf(ruleLaw, "%s = %q, answered %d %s", c, u, resp.status, snippet(resp.body))
		return broken
	}
	got, err := readEcho(resp.body)
	if err != nil {
		rep.errorf(ruleLaw, "%s = %q, answered 200 %s: %v", c, u, snippet(resp.body), err)
		return broken
	}
	if got.Route != c.name {
		rep.errorf(ruleLaw, "%s = %q reached endpoint %q, not %q (another route takes this URL: refuse the value)", c, u, got.Route, c.name)
		return broken
	}
	ok := true
	for i, p := range c.params {
		want := c.values[i]
		if p.Wildcard && s.d.SlashPrefixedWildcard {
			want = "/" + strings.TrimPrefix(want, "/")
		}
		if v, has := got.Param[p.Name]; !has || v != want {
			rep.errorf(ruleLaw, "%s = %q reached %q with Param[%q] = %s, want %q", c, u, c.name, p.Name, present(v, has), want)
			ok = false
			continue
		}
		if s.nativeExact(want, p.Wildcard) {
			if v, has := got.Native[p.Name]; !has || v != want {
				rep.errorf(ruleNative, "%s = %q reached %q with Native[%q] = %s, want %q", c, u, c.name, p.Name, present(v, has), want)
				ok = false
			}
		}
	}
	if got.Self != u {
		rep.errorf(ruleSelf, "%s = %q, but from inside the request it is %q", c, u, got.Self)
		ok = false
	}
	if !ok {
		return broken
	}
	return reached
}

func present(v string, has bool) string {
	if !has {
		return "(absent)"
	}
	return fmt.Sprintf("%q", v)
}
