package partyfiber

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/partyline-go/partyline/urlfor"
)

// Shadowed values.
//
// fiber keeps one stack of routes per method and tries them in the order
// they were registered: the first route whose pattern matches the path
// handles the request (a handler may pass on with c.Next, which is the
// app's own business). There is no tree preference of static over
// parameter segments. What we found by requesting fiber v2.52 (each rule
// has a test in shadow_test.go):
//
//	situation                                        | request         | reaches
//	-------------------------------------------------+-----------------+----------------------------
//	GET /posts/new, then GET /posts/:id              | /posts/new      | /posts/new (id "new" is taken)
//	GET /posts/:id, then GET /posts/new              | /posts/new      | /posts/:id (the static route is unreachable)
//	GET /posts/new, then GET /posts/:id/edit         | /posts/new/edit | /posts/:id/edit (no shadow: paths differ)
//	GET /posts/new, then POST /posts/:id             | POST /posts/new | /posts/:id (stacks are per method)
//	GET /posts/new, then GET /posts/:id (default)    | /posts/NEW      | /posts/new (paths are lowercased)
//	same, Config.CaseSensitive                       | /posts/NEW      | /posts/:id
//	GET /posts/new/, then GET /posts/:id (not strict)| /posts/new      | /posts/new/ (trailing "/" trimmed)
//	GET /files/readme, then GET /files/*             | /files/readme   | /files/readme (the wildcard loses "readme")
//	GET /f/a.b, then GET /f/:file.:ext               | /f/a.b          | /f/a.b (both parameters of one match)
//
// So for every parameter of a route we collect the values that make the
// URL we build equal, as fiber compares paths (lowercased unless
// CaseSensitive, without a trailing "/" unless StrictRouting, raw unless
// UnescapePath), to the path of a static route (no parameters) registered
// EARLIER in the stack of one of the route's methods, and refuse them with
// [urlfor.Part.Except] ([urlfor.Part.ExceptFold] when fiber lowercases).
// A route with parameters registered earlier takes values too, or all of
// them; those competitors are not analysed (see the package doc's gaps).
// When a static path matches our pattern with values for several
// parameters, each value is refused on its own: urlfor checks one
// parameter at a time, and refusing is the safe side of the law.
//
// Cost: static routes are sorted per method and number of "/" by their
// normalized path, and a route compares only the ones that start with its
// first literal text and have its number of "/" (any number for a route
// with a greedy parameter): O(routes log routes) for tables whose static
// routes do not all share a prefix with the parameter routes.

// takenValues are the values of one parameter that earlier static routes
// take, and which routes take them, for the message.
type takenValues struct {
	values []string
	by     []string // "GET /posts/new"
	fold   bool
}

func (tv *takenValues) add(v, by string) {
	if !slices.Contains(tv.values, v) {
		tv.values = append(tv.values, v)
	}
	if !slices.Contains(tv.by, by) {
		tv.by = append(tv.by, by)
	}
}

// why is the end of the *urlfor.ParamError message.
func (tv *takenValues) why() string {
	by := slices.DeleteFunc(slices.Clone(tv.by), func(b string) bool {
		// app.Get registers GET and HEAD: name the GET route only.
		p, ok := strings.CutPrefix(b, fiber.MethodHead+" ")
		return ok && slices.Contains(tv.by, fiber.MethodGet+" "+p)
	})
	slices.Sort(by)
	if len(by) == 1 {
		return fmt.Sprintf("reaches %q instead (registered before it)", by[0])
	}
	list := by
	more := ""
	if len(list) > 4 {
		list, more = list[:4], ", ..."
	}
	q := make([]string, len(list))
	for i, b := range list {
		q[i] = fmt.Sprintf("%q", b)
	}
	return "reaches a static route registered before it instead (one of " + strings.Join(q, ", ") + more + ")"
}

// apply attaches the refusal to a parameter's part.
func (tv *takenValues) apply(p urlfor.Part) urlfor.Part {
	if tv.fold {
		return p.ExceptFold(tv.why(), tv.values...)
	}
	return p.Except(tv.why(), tv.values...)
}

// key identifies the refusal, for the compile cache.
func (tv *takenValues) key() string {
	return strings.Join(tv.values, "\x00") + "\x01" + strings.Join(tv.by, "\x00")
}

// staticRoute is a route without parameters, at position pos of its
// method's stack.
type staticRoute struct {
	norm   string // its path as fiber compares it
	pos    int
	method string
	path   string
}

// shadowIndex holds the static routes of an app's table.
type shadowIndex struct {
	mode     routerMode
	bySlash  map[shadowBucket][]staticRoute // sorted by norm
	byMethod map[string][]staticRoute       // sorted by norm, for routes with greedy parameters
}

type shadowBucket struct {
	method  string
	slashes int
}

// normPath is a route path as fiber's router compares it (register and
// addPrefixToRoute in fiber's router.go).
func normPath(path string, m routerMode) string {
	if !m.caseSensitive {
		path = utils.ToLower(path)
	}
	if !m.strict && len(path) > 1 {
		path = utils.TrimRight(path, '/')
	}
	return fiber.RemoveEscapeChar(path)
}

// newShadowIndex indexes the static routes of routes (fiber's stacks, in
// GetRoutes order: method by method, each in stack order). pos[i] is the
// position of routes[i] in its method's stack.
func newShadowIndex(routes []fiber.Route, pos []int, m routerMode) *shadowIndex {
	x := &shadowIndex{mode: m}
	for i, r := range routes {
		if len(r.Params) > 0 {
			continue
		}
		if x.bySlash == nil {
			x.bySlash, x.byMethod = map[shadowBucket][]staticRoute{}, map[string][]staticRoute{}
		}
		s := staticRoute{norm: normPath(r.Path, m), pos: pos[i], method: r.Method, path: r.Path}
		k := shadowBucket{r.Method, strings.Count(s.norm, "/")}
		x.bySlash[k] = append(x.bySlash[k], s)
		x.byMethod[r.Method] = append(x.byMethod[r.Method], s)
	}
	for _, b := range x.bySlash {
		slices.SortFunc(b, func(a, b staticRoute) int { return strings.Compare(a.norm, b.norm) })
	}
	for _, b := range x.byMethod {
		slices.SortFunc(b, func(a, b staticRoute) int { return strings.Compare(a.norm, b.norm) })
	}
	return x
}

// taken returns the values static routes registered before the route take
// from its parameters, by part index; at[method] is the route's position
// in the stack of each of its methods.
func (x *shadowIndex) taken(tr *translation, at map[string]int) map[int]*takenValues {
	if x == nil || x.bySlash == nil {
		return nil
	}
	segs := tr.segs
	first := normLiteral(segs[0].Const, x.mode)
	greedy, slashes := false, 0
	for _, s := range segs {
		if s.IsParam {
			greedy = greedy || s.IsGreedy
			continue
		}
		slashes += strings.Count(s.Const, "/")
	}
	var out map[int]*takenValues
	for method, mine := range at {
		var bucket []staticRoute
		if greedy {
			bucket = x.byMethod[method]
		} else {
			bucket = x.bySlash[shadowBucket{method, slashes}]
		}
		lo, _ := slices.BinarySearchFunc(bucket, first, func(s staticRoute, t string) int { return strings.Compare(s.norm, t) })
		for _, s := range bucket[lo:] {
			if !strings.HasPrefix(s.norm, first) {
				break
			}
			if s.pos >= mine {
				continue
			}
			by := s.method + " " + s.path
			matchStatic(segs, 0, s.norm, 0, x.mode, func(i int, v string) {
				if v = x.value(v); v == "" {
					return
				}
				if out == nil {
					out = map[int]*takenValues{}
				}
				tv := out[i]
				if tv == nil {
					tv = &takenValues{fold: !x.mode.caseSensitive}
					out[i] = tv
				}
				tv.add(v, by)
			}, nil)
		}
	}
	return out
}

// value turns the text a parameter matched in a static path into the
// value that builds it: fiber compares the raw path unless UnescapePath,
// and urlfor escapes values, so "%20" there is the value " ". Text that
// no escaping writes ("%zz") is no value: "" (skipped).
func (x *shadowIndex) value(text string) string {
	if x.mode.unescape {
		return text
	}
	v, err := url.PathUnescape(text)
	if err != nil {
		return ""
	}
	return v
}

func normLiteral(s string, m routerMode) string {
	if !m.caseSensitive {
		return utils.ToLower(s)
	}
	return s
}

// matchStatic calls found(part index, text) for every parameter value of
// every way segs[i:] matches path[pos:], as fiber's router would cut it
// (a parameter ends at the first occurrence of the next literal's first
// byte and holds no "/"; a greedy one may end at any occurrence of the
// next literal). vals are the values of segs[:i] on this way.
func matchStatic(segs []segment, i int, path string, pos int, m routerMode, found func(int, string), vals []paramText) {
	if i == len(segs) {
		if pos == len(path) {
			for _, v := range vals {
				found(v.i, v.text)
			}
		}
		return
	}
	s := segs[i]
	rest := path[pos:]
	if !s.IsParam {
		lit := normLiteral(s.Const, m)
		if strings.HasPrefix(rest, lit) {
			matchStatic(segs, i+1, path, pos+len(lit), m, found, vals)
			return
		}
		// "/user/:name?" and "/files/*" build "/user" and "/files/" for an
		// empty value, which fiber (not strict) reads as "/user" and
		// "/files": empty values are never checked by urlfor, nothing to do.
		return
	}
	if i == len(segs)-1 {
		if !s.IsGreedy && strings.IndexByte(rest, '/') >= 0 {
			return
		}
		matchStatic(segs, i+1, path, len(path), m, found, append(vals, paramText{i, rest}))
		return
	}
	next := normLiteral(segs[i+1].Const, m)
	if next == "" {
		return
	}
	if !s.IsGreedy {
		j := strings.IndexByte(rest, next[0])
		if j <= 0 || strings.IndexByte(rest[:j], '/') >= 0 {
			return
		}
		matchStatic(segs, i+1, path, pos+j, m, found, append(vals, paramText{i, rest[:j]}))
		return
	}
	for j := 1; j < len(rest); j++ {
		if strings.HasPrefix(rest[j:], next) {
			matchStatic(segs, i+1, path, pos+j, m, found, append(slices.Clip(vals), paramText{i, rest[:j]}))
		}
	}
}

// paramText is the text a parameter (part index i) matched.
type paramText struct {
	i    int
	text string
}
