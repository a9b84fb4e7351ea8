package partygin_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter conformance suite against partygin.
func TestConformance(t *testing.T) {
	adaptertest.Run(t, adaptertest.Driver{
		Framework: "gin",
		Dialect:   ginDialect,
		NewApp:    newGinApp,
		// In the default mode c.Param is the decoded segment: exact. A
		// catch-all's value comes with a leading "/", as gin's docs show.
		NativeExact:           func(string, bool) bool { return true },
		SlashPrefixedWildcard: true,
	})
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

// newGinApp makes an engine whose routes are named through a partygin
// Router, then joins it.
func newGinApp(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	e := gin.New()
	var opts []partygin.Option
	if o.Namespace != "" {
		opts = append(opts, partygin.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partygin.InviteRoute(o.InviteRoute))
	}
	h, err := partygin.Join(e, opts...)
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
		h.Router(e).Named(r.Name).Handle(method, pattern, echo(h, r))
	}
	return &adaptertest.App{
		Handler: e,
		URL:     func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) },
		JoinAgain: func() error {
			_, err := partygin.Join(e, opts...)
			return err
		},
	}, nil
}

// echo answers as the suite asks: Native and Param are c.Param (gin needs
// no helper: a catch-all's value comes with its leading "/", which the
// suite expects with SlashPrefixedWildcard); Self is the handle's URL for
// Param.
func echo(h *partygin.Handle, r adaptertest.Route) gin.HandlerFunc {
	params := adaptertest.Params(r.Pattern)
	return func(c *gin.Context) {
		e := adaptertest.Echo{Route: r.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			v := c.Param(p.Name)
			e.Native[p.Name], e.Param[p.Name] = v, v
			pairs = append(pairs, p.Name, e.Param[p.Name])
		}
		if r.Name != "" {
			if u, err := h.URL(c, r.Name, pairs...); err != nil {
				e.Self = err.Error()
			} else {
				e.Self = u
			}
		}
		adaptertest.WriteEcho(c.Writer, e)
	}
}
