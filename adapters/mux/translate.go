package partymux

import (
	"fmt"
	"net/url"
	"regexp/syntax"
	"strings"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// RestParam is the parameter that fills the rest of the path under a
// PathPrefix route: with r.PathPrefix("/static/").Name("static"),
// h.URL(req, "static", partymux.RestParam, "css/site.css") is
// "/static/css/site.css". Leaving it out gives the prefix itself. mux does
// not capture the rest; a handler reads it from the path (after
// http.StripPrefix, say). The name is chi's for its trailing wildcard.
const RestParam = "*"

// Default regexps of mux variables (newRouteRegexp).
const (
	defaultPathPattern  = `[^/]+`
	defaultHostPattern  = `[^.]+`
	defaultQueryPattern = `.*`
)

// slashSafe accepts any text in a router matching the escaped path ("/" is
// sent as "%2F") but empty, "." and ".." pieces, which a dispatcher or
// the party's guard cleaning the decoded path would remove or redirect.
const slashSafe = `(?:[^/.][^/]*|\.[^/.][^/]*|\.\.[^/]+)(?:/(?:[^/.][^/]*|\.[^/.][^/]*|\.\.[^/]+))*`

// pathMode is how a route matches the path, read by probing it.
type pathMode uint8

const (
	modeUnknown pathMode = iota // not probed: both sets of rules apply
	modeDecoded                 // r.URL.Path, mux's default
	modeEncoded                 // r.URL.EscapedPath(), after UseEncodedPath
)

func (m pathMode) decodedRules() bool { return m != modeEncoded }
func (m pathMode) encodedRules() bool { return m != modeDecoded }

// translation is one mux route in urlfor's terms, before what other
// routes take is known ([translation.with]).
type translation struct {
	route urlfor.Route
	sp    spec
	toks  []adapterkit.Token // the path template's
	own   []adapterkit.Token // the URL's, for the analysis (shadow.go)
	mode  pathMode
}

// translate turns one mux route into a urlfor route; one it cannot
// translate safely gets a [*RouteError].
func translate(rt *mux.Route, s spec) translation {
	tr := translation{sp: s, mode: modeDecoded}
	r := &tr.route
	*r = urlfor.Route{Name: s.name, Method: strings.Join(s.methods, ","), Pattern: s.pattern()}
	err := s.err
	if err == nil && s.hasPath {
		tr.toks, err = parseTemplate(s.path)
	}
	if err == nil && needsMode(tr.toks) {
		tr.mode = probeMode(rt, s, tr.toks)
	}
	if err == nil {
		r.Path, tr.own, err = pathTemplate(s, tr.toks, tr.mode, nil)
	}
	if err == nil && s.host != "" {
		r.Host, err = hostTemplate(s.host)
		r.Scheme = buildScheme(rt, s.host)
	}
	for i := 0; err == nil && i < len(s.queries); i++ {
		var qp urlfor.QueryParam
		qp, err = queryParam(s.queries[i])
		r.Query = append(r.Query, qp)
	}
	if err != nil {
		r.Path, r.Host, r.Query, r.Scheme = nil, nil, nil, ""
		r.Err = &RouteError{Name: s.name, Pattern: r.Pattern, Err: err}
	}
	return tr
}

// with returns the route refusing what earlier routes take: values, or
// every URL (a [*RouteError] wrapping urlfor.ErrInvalidTemplate).
func (tr *translation) with(sh shadow) urlfor.Route {
	r := tr.route
	var err error
	switch {
	case r.Err != nil:
		return r
	case sh.whole != nil:
		err = fmt.Errorf("%w: every URL of it reaches %q, registered before it", urlfor.ErrInvalidTemplate, sh.whole.by)
	case len(sh.taken) > 0:
		r.Path, _, err = pathTemplate(tr.sp, tr.toks, tr.mode, sh.taken)
	}
	if err != nil {
		r.Path, r.Host, r.Query = nil, nil, nil
		r.Err = &RouteError{Name: r.Name, Pattern: r.Pattern, Err: err}
	}
	return r
}

// needsMode reports whether the path has variables or escaped text.
func needsMode(toks []adapterkit.Token) bool {
	for _, t := range toks {
		if isVar(t) || escapeLiteral(t.Literal) != t.Literal {
			return true
		}
	}
	return false
}

// pathVar is one variable of a template, with what the rules need.
type pathVar struct {
	adapterkit.Token
	re     *syntax.Regexp
	seg    int  // index of its segment ("/"-separated; labels in a host) in the template
	slashy bool // its regexp may match "/"
}

// pathSegs is a template's variables and, by segment, its text, number of
// variables and whether mux's regexp may split it elsewhere.
type pathSegs struct {
	vars  []pathVar
	text  map[int]string
	n     map[int]int
	split map[int]bool
	last  int // the last segment
}

// readSegs reads a template whose segments end at sep. A segment splits
// the same way whatever the values when each variable is followed by text
// whose first byte its regexp cannot match ("{type:[a-z]+}-{date}").
func readSegs(tpl string, toks []adapterkit.Token, sep byte, def string) (pathSegs, error) {
	ps := pathSegs{text: map[int]string{}, n: map[int]int{}, split: map[int]bool{}}
	for i, t := range toks {
		if !isVar(t) {
			for _, piece := range strings.SplitAfter(t.Literal, string(sep)) {
				text, cut := strings.CutSuffix(piece, string(sep))
				ps.text[ps.last] += text
				if cut {
					ps.last++
				}
			}
			continue
		}
		re, err := parseRegexp(patternOr(t, def))
		if err != nil {
			return ps, templateError(tpl, fmt.Sprintf("regexp of %q: %v", t.Param, err))
		}
		ps.vars = append(ps.vars, pathVar{Token: t, re: re, seg: ps.last, slashy: mayMatch(re, '/')})
		ps.n[ps.last]++
		if i+1 < len(toks) {
			next := toks[i+1].Literal
			ps.split[ps.last] = ps.split[ps.last] || next == "" || next[0] != sep && mayMatch(re, rune(next[0]))
		}
	}
	return ps, nil
}

// shared reports whether mux's regexp could split v's segment elsewhere.
func (ps *pathSegs) shared(v pathVar) bool { return ps.n[v.seg] > 1 && ps.split[v.seg] }

// pathTemplate compiles the path of s for mode, refusing what taken lists
// for each variable; own is it as tokens, wildcards included.
func pathTemplate(s spec, toks []adapterkit.Token, mode pathMode, taken map[string][]urlfor.Taken) (tpl *urlfor.Template, own []adapterkit.Token, err error) {
	if !s.hasPath {
		// A route without a path matches any path; "/" is one.
		tpl, err = urlfor.NewTemplate("/", []urlfor.Part{urlfor.Literal("/")})
		return tpl, nil, err
	}
	ps, err := readSegs(s.path, toks, '/', defaultPathPattern)
	if err != nil {
		return nil, nil, err
	}
	var parts []urlfor.Part
	slashyBefore := false
	vi := 0
	for i, t := range toks {
		if !isVar(t) {
			lit, err := literalFor(t.Literal, mode)
			if err != nil {
				return nil, nil, templateError(s.path, err.Error())
			}
			parts, own = append(parts, urlfor.Literal(lit)), appendToken(own, t)
			continue
		}
		v := ps.vars[vi]
		vi++
		if s.prefix && v.seg == ps.last && (v.slashy || !greedyRun(v.re)) {
			// Nothing anchors the end of a prefix's last segment: mux's
			// regexp may stop such a variable before the end of its value.
			return nil, nil, templateError(s.path, fmt.Sprintf("variable %q ends a PathPrefix template with a regexp that is not a greedy run of non-slash characters, so mux may capture less than its value", v.Param))
		}
		wild := i == len(toks)-1 && !s.prefix && v.slashy && !slashyBefore
		slashyBefore = slashyBefore || v.slashy
		parts = append(parts, varPart(v, wild, ps.shared(v), ps.text[v.seg], mode).TakenBy(taken[v.Param]...))
		own = append(own, adapterkit.Token{Param: v.Param, Wildcard: wild, Constraint: constraintOf(v.Token)})
	}
	if s.prefix && !slashyBefore {
		rest := urlfor.Wildcard(RestParam).TakenBy(taken[RestParam]...)
		if !strings.HasSuffix(s.path, "/") {
			parts, rest = append(parts, urlfor.Literal("/")), rest.Optional()
			own = appendToken(own, adapterkit.Lit("/"))
		}
		parts, own = append(parts, rest), append(own, adapterkit.Wild(RestParam))
	}
	opts := []urlfor.TemplateOption{urlfor.Backtracking()}
	if mode.decodedRules() {
		// mux matches r.URL.Path, where "%2F" is already "/": a variable's
		// "/" would be a segment separator to its regexp, so it cannot come
		// back inside one variable (a wildcard keeps it as its separator).
		opts = append(opts, urlfor.Unroutable("/"))
	}
	tpl, err = urlfor.NewTemplate(s.path, parts, opts...)
	return tpl, own, err
}

// varPart is the part of one path variable: a wildcard with wild; with
// shared, its value may not hold a byte of its segment's text segText, so
// that mux's regexp can only split the segment where the text was written.
func varPart(v pathVar, wild, shared bool, segText string, mode pathMode) urlfor.Part {
	part := urlfor.Param(v.Param)
	alphabet, inv := escapedParam, adapterkit.RawSegmentRunes
	if wild {
		part = urlfor.Wildcard(v.Param)
		alphabet, inv = escapedPath, inv.Union(adapterkit.RunesOf("/"))
	}
	allow := adapterkit.AllRunes
	restricted := false
	constraint := v.Constraint
	if shared {
		allow, restricted = allow.Minus(adapterkit.RunesOf(segText)), true
	}
	if mode.encodedRules() {
		switch {
		case shared || !acceptsAll(v.re, alphabet):
			// The regexp sees the escaped text.
			allow, restricted = allow.Intersect(inv), true
		case !wild:
			constraint = slashSafe
		}
	}
	if restricted {
		// The pattern parsed in readSegs: RestrictRegexp cannot fail.
		constraint, _ = adapterkit.RestrictRegexp(patternOr(v.Token, defaultPathPattern), allow)
	}
	if constraint != "" {
		part = part.Matching(constraint)
	}
	return part
}

// hostTemplate compiles a host template: values are host labels (urlfor
// checks them); shared labels as in varPart.
func hostTemplate(tpl string) (*urlfor.Template, error) {
	toks, err := parseTemplate(tpl)
	if err != nil {
		return nil, err
	}
	ls, err := readSegs(tpl, toks, '.', defaultHostPattern)
	if err != nil {
		return nil, err
	}
	var parts []urlfor.Part
	for _, t := range toks {
		if !isVar(t) {
			parts = append(parts, urlfor.Literal(t.Literal))
			continue
		}
		v, constraint := ls.vars[0], t.Constraint
		if ls.vars = ls.vars[1:]; ls.shared(v) {
			constraint, _ = adapterkit.RestrictRegexp(patternOr(t, defaultHostPattern), adapterkit.AllRunes.Minus(adapterkit.RunesOf(ls.text[v.seg])))
		}
		part := urlfor.Param(t.Param)
		if constraint != "" {
			part = part.Matching(constraint)
		}
		parts = append(parts, part)
	}
	return urlfor.NewHostTemplate(tpl, parts)
}

// queryParam translates a query template ("page={page:[0-9]+}",
// "foo=bar", "foo="), which mux matches decoded.
func queryParam(tpl string) (urlfor.QueryParam, error) {
	key, value, _ := strings.Cut(tpl, "=")
	if strings.ContainsAny(key, "{}") {
		return urlfor.QueryParam{}, templateError(tpl, "a variable in a query key is not supported")
	}
	toks, err := parseTemplate(value)
	if err != nil {
		return urlfor.QueryParam{}, err
	}
	var part urlfor.Part
	switch {
	case len(toks) == 0:
		part = urlfor.Literal("")
	case len(toks) == 1 && !isVar(toks[0]):
		part = urlfor.Literal(toks[0].Literal)
	case len(toks) == 1:
		// mux's default: "." does not match a newline.
		part = urlfor.Param(toks[0].Param).Matching(patternOr(toks[0], defaultQueryPattern))
	default:
		return urlfor.QueryParam{}, templateError(tpl, "a query value that mixes text and variables is not supported")
	}
	return urlfor.NewQueryParam(key, part)
}

// literalFor is a path literal in a URL: escaped for the decoded path, as
// it is for the escaped path (which must hold it), and only text escaping
// leaves alone when the mode is unknown.
func literalFor(lit string, mode pathMode) (string, error) {
	switch mode {
	case modeDecoded:
		return escapeLiteral(lit), nil
	case modeUnknown:
		if escapeLiteral(lit) != lit {
			return "", fmt.Errorf("literal text %q must be escaped if the route matches the decoded path and cannot appear if it matches the escaped one (UseEncodedPath), and the route could not be probed", lit)
		}
		return lit, nil
	}
	for i := 0; i < len(lit); i++ {
		if !validEncoded(lit[i]) {
			return "", fmt.Errorf("literal text %q cannot appear in an escaped path, which this router matches (UseEncodedPath)", lit)
		}
	}
	return lit, nil
}

// escapeLiteral escapes s as Go's default path encoding does
// (url.URL.EscapedPath: all but ASCII letters, digits, "-._~" and
// "$&+,/:;=@" escaped), which is how urlfor escapes a path and how mux's
// own Route.URL spells literal text. (The "/" in front dodges
// EscapedPath's special case of "*".)
func escapeLiteral(s string) string { return (&url.URL{Path: "/" + s}).EscapedPath()[1:] }

// validEncoded reports whether url.URL.EscapedPath keeps c raw.
func validEncoded(c byte) bool {
	return c == '/' || c == '%' || c < 0x80 && adapterkit.RawSegmentRunes.Contains(rune(c)) || strings.IndexByte("!'()*,;[]", c) >= 0
}
