package urlfor_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// mount is one app of a test dispatcher; prefix "" is the root app.
type mount struct {
	prefix string
	app    http.Handler
}

// dispatcher mounts apps the net/http way: an http.ServeMux with one subtree
// pattern per prefix and http.StripPrefix in front of every mounted app.
func dispatcher(ms ...mount) *http.ServeMux {
	mux := http.NewServeMux()
	for _, m := range ms {
		if m.prefix == "" {
			mux.Handle("/", m.app)
			continue
		}
		mux.Handle(m.prefix+"/", http.StripPrefix(m.prefix, m.app))
	}
	return mux
}

// newParty wraps the mounts in a core party that invites every one of them.
func newParty(tb testing.TB, ms ...mount) *core.Party {
	tb.Helper()
	invites := make([]string, len(ms))
	for i, m := range ms {
		invites[i] = m.prefix + core.DefaultInvitePath
	}
	p, err := core.New(dispatcher(ms...), invites)
	if err != nil {
		tb.Fatalf("core.New: %v", err)
	}
	return p
}

// route is urlfortest.Route with the parts given as a compact pattern:
// "{id}" a parameter, "{id:[0-9]+}" a constrained one, "{*path}" a
// wildcard, "{name?}" an optional parameter; the rest is literal.
func route(name, pattern string) urlfor.Route {
	return urlfortest.Route(name, "GET", pattern, parts(pattern)...)
}

func parts(pattern string) []urlfor.Part {
	var ps []urlfor.Part
	for pattern != "" {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			ps = append(ps, urlfor.Literal(pattern))
			break
		}
		if i > 0 {
			ps = append(ps, urlfor.Literal(pattern[:i]))
		}
		j, depth := i, 0 // the matching "}": constraints may hold braces
		for ; j < len(pattern); j++ {
			if pattern[j] == '{' {
				depth++
			} else if pattern[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		spec := pattern[i+1 : j]
		pattern = pattern[j+1:]
		name, re, _ := strings.Cut(spec, ":")
		name, optional := strings.CutSuffix(name, "?")
		p := urlfor.Param(name)
		if wild, ok := strings.CutPrefix(name, "*"); ok {
			p = urlfor.Wildcard(wild)
		}
		if optional {
			p = p.Optional()
		}
		if re != "" {
			p = p.Matching(re)
		}
		ps = append(ps, p)
	}
	return ps
}

// mustTemplate compiles a compact pattern (see route).
func mustTemplate(tb testing.TB, pattern string, opts ...urlfor.TemplateOption) *urlfor.Template {
	tb.Helper()
	t, err := urlfor.NewTemplate(pattern, parts(pattern), opts...)
	if err != nil {
		tb.Fatalf("NewTemplate(%q): %v", pattern, err)
	}
	return t
}

// wantParamError checks that err is a *ParamError for param, matching
// sentinel (ErrMissingParam or ErrInvalidParam).
func wantParamError(tb testing.TB, err error, param string, sentinel error) *urlfor.ParamError {
	tb.Helper()
	var pe *urlfor.ParamError
	if !errors.As(err, &pe) {
		tb.Fatalf("error %v (%T) is not a *urlfor.ParamError", err, err)
	}
	if !errors.Is(err, sentinel) {
		tb.Errorf("errors.Is(%v, %v) = false", err, sentinel)
	}
	if pe.Param != param {
		tb.Errorf("ParamError.Param = %q, want %q (%v)", pe.Param, param, err)
	}
	if !strings.HasPrefix(pe.Error(), "urlfor: ") {
		tb.Errorf("message %q does not start with the package name", pe)
	}
	return pe
}
