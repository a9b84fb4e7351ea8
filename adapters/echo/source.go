package partyecho

import (
	"cmp"
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

	cache sync.Map      // pattern text -> compiled; a re-read does not parse again
	reads atomic.Uint64 // calls of Routes, for tests
}

type compiled struct {
	t   *urlfor.Template
	err error
}

// routeKey groups echo routes that are one endpoint: echo keeps a route per
// method and path, so e.Any and e.Match give several routes with one name
// and one path. Those build the same URL and are merged; one name on two
// paths stays two routes, which urlfor refuses as ambiguous (echo's Reverse
// would pick one at random, echo #1237).
type routeKey struct {
	host, path, name string
}

// Routes reads the default router (e.Routes) and every host router
// (e.Routers), leaves out the invite routes and echo's RouteNotFound
// routes, merges methods (see routeKey), and translates each path. The
// order is stable: by host, path, then name.
func (s *source) Routes() []urlfor.Route {
	s.reads.Add(1)
	e := s.app.Value()
	if e == nil {
		return nil
	}
	methods := map[routeKey][]string{}
	add := func(host string, routes []*echo.Route) {
		for _, r := range routes {
			if r.Method == echo.RouteNotFound || host == "" && r.Method == "GET" && slices.Contains(s.invite, r.Path) {
				continue
			}
			k := routeKey{host: host, path: r.Path, name: r.Name}
			methods[k] = append(methods[k], r.Method)
		}
	}
	add("", e.Routes())
	for host, router := range e.Routers() {
		add(host, router.Routes())
	}
	keys := make([]routeKey, 0, len(methods))
	for k := range methods {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b routeKey) int {
		return cmp.Or(cmp.Compare(a.host, b.host), cmp.Compare(a.path, b.path), cmp.Compare(a.name, b.name))
	})
	out := make([]urlfor.Route, len(keys))
	for i, k := range keys {
		ms := methods[k]
		slices.Sort(ms)
		r := urlfor.Route{Name: k.name, Method: strings.Join(ms, ","), Pattern: k.path}
		var err error
		r.Path, err = s.template(k.path)
		if k.host != "" {
			r.Pattern = k.host + k.path
			var herr error
			r.Host, herr = s.hostTemplate(k.host)
			err = cmp.Or(herr, err)
		}
		r.Err = err
		out[i] = r
	}
	return out
}

func (s *source) template(path string) (*urlfor.Template, error) {
	if c, ok := s.cache.Load(path); ok {
		return c.(compiled).t, c.(compiled).err
	}
	t, err := parsePattern(path)
	s.cache.Store(path, compiled{t, err})
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
