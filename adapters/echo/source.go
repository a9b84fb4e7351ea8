package partyecho

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// source is the app's live route table for urlfor: every call to Routes
// reads echo's routers again, so routes registered after the invitation are
// found. It is a urlfor.Versioned source (see hook.go): a name that is not
// found re-reads the table only when echo registered a route since the last
// read.
type source struct {
	app    weak.Pointer[echo.Echo] // weak: the joined registry must not keep apps alive
	owner  *Handle                 // kept alive by the app, through its hook (see joined)
	invite []string                // the local invite routes, left out of the table
	hook   hook

	cache    sync.Map                    // template key -> compiled; a re-read does not compile again
	shadowed atomic.Pointer[shadowTable] // the taken values of the last read, for ShadowedError
	reads    atomic.Uint64               // calls of Routes, for tests
}

type compiled struct {
	t   *urlfor.Template
	err error
}

// shadowTable maps a path pattern and a parameter ("*" for the wildcard)
// to the constraints Routes gave it, with who takes the refused values.
type shadowTable map[string][]shadowInfo

type shadowInfo struct {
	constraint string
	taken      *exclusions
}

func shadowKey(pattern, param string) string { return pattern + "\x00" + param }

// endpointKey groups echo routes that are one endpoint: echo keeps a route
// per method and path, so e.Any and e.Match give several routes with one
// name and one path. Those build the same URL and are merged; one name on
// two paths stays two routes, which urlfor refuses as ambiguous (echo's
// Reverse would pick one at random, echo #1237).
type endpointKey struct {
	host, path, name string
}

// anyMethods are the methods echo's Any registers (echo.go's methods).
var anyMethods = []string{
	echo.CONNECT, echo.DELETE, echo.GET, echo.HEAD, echo.OPTIONS, echo.PATCH,
	echo.POST, echo.PROPFIND, echo.PUT, echo.REPORT, echo.TRACE,
}

// Routes reads the default router (e.Routes) and every host router
// (e.Routers), leaves out the invite routes and echo's RouteNotFound
// routes, merges methods (see endpointKey), and translates each path,
// refusing the values another route would take (shadow.go). The order is
// stable: by host, path, then name.
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	e := s.app.Value()
	if e == nil {
		return nil
	}
	var all []echoRoute // every route, competitors of the others
	methods := map[endpointKey][]string{}
	add := func(host string, routes []*echo.Route) {
		for _, r := range routes {
			toks, _ := tokenize(r.Path)
			all = append(all, echoRoute{host: host, method: r.Method, path: r.Path, toks: toks})
			if r.Method == echo.RouteNotFound || host == "" && r.Method == echo.GET && slices.Contains(s.invite, r.Path) {
				continue
			}
			k := endpointKey{host: host, path: r.Path, name: r.Name}
			methods[k] = append(methods[k], r.Method)
		}
	}
	add("", e.Routes())
	for host, router := range e.Routers() {
		add(host, router.Routes())
	}
	keys := make([]endpointKey, 0, len(methods))
	for k := range methods {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b endpointKey) int {
		return cmp.Or(cmp.Compare(a.host, b.host), cmp.Compare(a.path, b.path), cmp.Compare(a.name, b.name))
	})
	index := newShadowIndex(all)
	shadowed := shadowTable{}
	out := make([]urlfor.Route, len(keys))
	for i, k := range keys {
		ms := methods[k]
		slices.Sort(ms)
		ms = slices.Compact(ms)
		r := urlfor.Route{Name: k.name, Method: methodList(ms), Pattern: k.path}
		toks, _ := tokenize(k.path)
		cons, taken := index.constraints(echoRoute{host: k.host, path: k.path, toks: toks}, ms)
		for ti, c := range cons {
			sk := shadowKey(k.path, toks[ti].text)
			shadowed[sk] = append(shadowed[sk], shadowInfo{constraint: c, taken: taken[ti]})
		}
		var err error
		r.Path, err = s.template(k.path, cons)
		if k.host != "" {
			r.Pattern = k.host + k.path
			var herr error
			r.Host, herr = s.hostTemplate(k.host)
			err = cmp.Or(herr, err)
		}
		r.Err = err
		out[i] = r
	}
	s.shadowed.Store(&shadowed)
	return out
}

// methodList is an endpoint's Method: its methods joined with ",", or ""
// when it takes all of echo's Any methods.
func methodList(ms []string) string {
	all := true
	for _, m := range anyMethods {
		all = all && slices.Contains(ms, m)
	}
	if all {
		return ""
	}
	return strings.Join(ms, ",")
}

func (s *source) template(path string, cons map[int]string) (*urlfor.Template, error) {
	key := path
	if len(cons) > 0 {
		idx := make([]int, 0, len(cons))
		for i := range cons {
			idx = append(idx, i)
		}
		slices.Sort(idx)
		var b strings.Builder
		b.WriteString(path)
		for _, i := range idx {
			fmt.Fprintf(&b, "\x00%d\x00%s", i, cons[i])
		}
		key = b.String()
	}
	if c, ok := s.cache.Load(key); ok {
		return c.(compiled).t, c.(compiled).err
	}
	t, err := compile(path, cons)
	s.cache.Store(key, compiled{t, err})
	return t, err
}

// hostTemplate makes the literal host template of an echo host router. echo
// matches its key against r.Host exactly, so the URL carries the key as it
// is: "api.example.com" or "localhost:8080".
func (s *source) hostTemplate(host string) (*urlfor.Template, error) {
	key := "\x00host " + host
	if c, ok := s.cache.Load(key); ok {
		return c.(compiled).t, c.(compiled).err
	}
	var t *urlfor.Template
	var err error
	if !validHost(host) {
		err = &HostError{Host: host}
	} else if t, err = urlfor.NewHostTemplate(host, []urlfor.Part{urlfor.Literal(host)}); err != nil {
		err = &HostError{Host: host}
	}
	s.cache.Store(key, compiled{t, err})
	return t, err
}

// validHost accepts what a URL's host[:port] can carry unescaped: letters,
// digits, "-", ".", "_", ":" and the brackets of an IPv6 literal.
func validHost(h string) bool {
	if h == "" || h[0] == ':' || h[0] == '.' {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == ':' || c == '[' || c == ']'
		if !ok {
			return false
		}
	}
	return true
}

// explain turns a build error for a value that another route of this app
// takes into a *ShadowedError; other errors come back unchanged. The
// ParamError must carry the constraint this source gave the parameter, so
// that an error from another app's route of the same pattern is left
// alone.
func (s *source) explain(err error) error {
	var pe *urlfor.ParamError
	if err == nil || !errors.As(err, &pe) || pe.Missing {
		return err
	}
	table := s.shadowed.Load()
	if table == nil {
		return err
	}
	for _, info := range (*table)[shadowKey(pe.Pattern, pe.Param)] {
		if pe.Reason != fmt.Sprintf("does not match the constraint %q", info.constraint) {
			continue
		}
		if by := info.taken.takers(pe.Value); by != "" {
			return &ShadowedError{ParamError: pe, By: by}
		}
	}
	return err
}
