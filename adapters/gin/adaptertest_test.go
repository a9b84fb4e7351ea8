package partygin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter conformance suite against partygin, in
// every engine mode (law_test.go's engineModes).
func TestConformance(t *testing.T) {
	for _, m := range engineModes {
		t.Run(m.name, func(t *testing.T) {
			adaptertest.Run(t, adaptertest.Driver{
				Framework: "gin (" + m.name + ")",
				Dialect:   ginDialect,
				NewApp: func(t testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
					return newGinApp(t, partygin.Join, m, routes, o)
				},
				NativeExact:           nativeExact(m),
				SlashPrefixedWildcard: true,
			})
		})
	}
}

// TestConformanceJoinAhead runs the suite on apps joined with JoinAhead,
// whose invite route is answered ahead of routing: the suite's apps have
// no root parameter that would make gin redirect the invite path (see
// TestJoinAheadLosesInvitationsGinRedirects).
func TestConformanceJoinAhead(t *testing.T) {
	m := engineModes[0]
	adaptertest.Run(t, adaptertest.Driver{
		Framework: "gin (JoinAhead)",
		Dialect:   ginDialect,
		NewApp: func(t testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
			return newGinApp(t, partygin.JoinAhead, m, routes, o)
		},
		NativeExact:           nativeExact(m),
		SlashPrefixedWildcard: true,
	})
}

// nativeExact says for which values c.Param is exact in mode m, for the
// suite's routes (plain literals: their URLs keep no RawPath). Where gin
// matches the decoded path (by default, and with UseRawPath, since a
// built URL has no RawPath) c.Param is the decoded value; with
// UseEscapedPath gin unescapes it (the "+" it would turn into a space is
// refused). Without UnescapePathValues it hands the escaped text, which is
// the value only when nothing in it is escaped: when net/url writes it as
// it is. A catch-all's value comes with a leading "/", as gin's docs show.
func nativeExact(m engineMode) func(string, bool) bool {
	if !m.raw {
		return func(string, bool) bool { return true }
	}
	return func(v string, _ bool) bool { return (&url.URL{Path: "/" + v}).EscapedPath() == "/"+v }
}

// ginDialect says a pattern as gin does: ":name" and "*name"; gin has no
// regexp constraints.
func ginDialect(p adaptertest.Pattern) (string, bool) {
	return adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		if wildcard {
			return "*" + name, true
		}
		return ":" + name, re == ""
	})
}

// newGinApp makes an engine in mode m, joins it with join (partygin.Join
// or JoinAhead) and registers routes, named through a partygin Router.
func newGinApp(_ testing.TB, join func(*gin.Engine, ...partygin.Option) (*partygin.Handle, error), m engineMode, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	e := gin.New()
	m.set(e)
	var opts []partygin.Option
	if o.Namespace != "" {
		opts = append(opts, partygin.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partygin.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	h, err := join(e, opts...)
	if err != nil {
		return nil, err
	}
	for _, r := range routes {
		pattern, ok := ginDialect(r.Pattern)
		if !ok {
			return nil, fmt.Errorf("gin cannot say %q", r.Pattern)
		}
		method := r.Method
		if method == "" {
			method = http.MethodGet
		}
		h.Router(e).Named(r.Name).Handle(method, pattern, echo(h, m, r))
	}
	return &adaptertest.App{
		Handler: e,
		URL:     func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) },
		JoinAgain: func() error {
			_, err := join(e, opts...)
			return err
		},
	}, nil
}

// echo answers as the suite asks: Native is c.Param, and so is Param (gin
// needs no helper: a catch-all's value comes with its leading "/", which
// the suite expects with SlashPrefixedWildcard), unescaped with
// url.PathUnescape where the mode hands raw values, as the package doc
// tells users to; Self and Absolute are the handle's URL and AbsoluteURL
// for Param.
func echo(h *partygin.Handle, m engineMode, r adaptertest.Route) gin.HandlerFunc {
	params := adaptertest.Params(r.Pattern)
	return func(c *gin.Context) {
		e := adaptertest.Echo{Route: r.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			v := c.Param(p.Name)
			e.Native[p.Name], e.Param[p.Name] = v, v
			if m.raw {
				if u, err := url.PathUnescape(v); err == nil {
					e.Param[p.Name] = u
				}
			}
			pairs = append(pairs, p.Name, e.Param[p.Name])
		}
		if r.Name != "" {
			if u, err := h.URL(c, r.Name, pairs...); err != nil {
				e.Self = err.Error()
			} else {
				e.Self = u
			}
			if u, err := h.AbsoluteURL(c, r.Name, pairs...); err != nil {
				e.Absolute = err.Error()
			} else {
				e.Absolute = u
			}
		}
		adaptertest.WriteEcho(c.Writer, e)
	}
}
