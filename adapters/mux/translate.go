package partymux

import (
	"fmt"
	"regexp/syntax"
	"strings"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
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

// slashSafe is the constraint of a parameter that accepts any text in a
// router matching the escaped path: "/" is sent as "%2F" and comes back,
// but the pieces between slashes may not be empty, "." or "..", since a
// dispatcher or the party's guard cleaning the decoded path would remove
// or redirect them.
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

// String names the mode, for messages and tests.
func (m pathMode) String() string {
	switch m {
	case modeDecoded:
		return "decoded path"
	case modeEncoded:
		return "encoded path"
	}
	return "unknown path mode"
}

// translate turns one mux route into a urlfor route. A route it cannot
// translate safely keeps its name and pattern and gets Err.
func translate(rt *mux.Route, s spec, ex func(arg string) *taken) urlfor.Route {
	r := urlfor.Route{Name: s.name, Method: strings.Join(s.methods, ","), Pattern: s.pattern()}
	fail := func(err error) urlfor.Route {
		r.Path, r.Host, r.Query = nil, nil, nil
		r.Err = &RouteError{Name: s.name, Pattern: r.Pattern, Err: err}
		return r
	}
	if s.err != nil {
		return fail(s.err)
	}
	var toks []token
	if s.hasPath {
		var err error
		if toks, err = parseTemplate(s.path); err != nil {
			return fail(err)
		}
	}
	mode := modeDecoded
	if needsMode(toks) {
		mode = probeMode(rt, s)
	}
	path, err := pathTemplate(s, toks, mode, ex)
	if err != nil {
		return fail(err)
	}
	r.Path = path
	if s.hasHost {
		if r.Host, err = hostTemplate(s.host); err != nil {
			return fail(err)
		}
		r.Scheme = buildScheme(rt, s.host)
	}
	for _, q := range s.queries {
		qp, err := queryParam(q)
		if err != nil {
			return fail(err)
		}
		r.Query = append(r.Query, qp)
	}
	return r
}

// needsMode reports whether the path's template depends on the route's
// mode: it has variables, or literal text that escaping changes.
func needsMode(toks []token) bool {
	for _, t := range toks {
		if t.isVar() || escapeLiteral(t.lit) != t.lit {
			return true
		}
	}
	return false
}

// pathVar is one variable of a path template, with what the rules need.
type pathVar struct {
	token
	re     *syntax.Regexp
	seg    int  // index of its segment ("/"-separated) in the template
	slashy bool // its regexp may match "/"
}

// pathTemplate compiles the path template of s for a router in mode.
func pathTemplate(s spec, toks []token, mode pathMode, ex func(arg string) *taken) (*urlfor.Template, error) {
	if !s.hasPath {
		// A route without a path matches any path; "/" is one.
		return urlfor.NewTemplate("/", []urlfor.Part{urlfor.Literal("/")})
	}
	// Segments, and the literal text of each.
	var vars []pathVar
	segText := map[int]string{}
	segVars := map[int]int{}
	seg := 0
	for _, t := range toks {
		if !t.isVar() {
			for _, piece := range strings.SplitAfter(t.lit, "/") {
				text, slash := strings.CutSuffix(piece, "/")
				segText[seg] += text
				if slash {
					seg++
				}
			}
			continue
		}
		pattern := t.pattern
		if pattern == "" {
			pattern = defaultPathPattern
		}
		re, err := parseRegexp(pattern)
		if err != nil {
			return nil, templateError(s.path, fmt.Sprintf("regexp of %q: %v", t.name, err))
		}
		vars = append(vars, pathVar{token: t, re: re, seg: seg, slashy: mayMatch(re, '/')})
		segVars[seg]++
	}
	lastSeg := seg
	split := splitsAlone(toks, '/', func(i int) *syntax.Regexp { return vars[i].re })

	var parts []urlfor.Part
	slashyBefore := false
	vi := 0
	for i, t := range toks {
		if !t.isVar() {
			lit, err := literalFor(t.lit, mode)
			if err != nil {
				return nil, templateError(s.path, err.Error())
			}
			parts = append(parts, urlfor.Literal(lit))
			continue
		}
		v := vars[vi]
		vi++
		if s.prefix && v.seg == lastSeg && (v.slashy || !greedyRun(v.re)) {
			// Nothing anchors the end of a prefix's last segment: mux's
			// regexp may stop such a variable before the end of its value.
			return nil, templateError(s.path, fmt.Sprintf("variable %q ends a PathPrefix template with a regexp that is not a greedy run of non-slash characters, so mux may capture less than its value", v.name))
		}
		wild := i == len(toks)-1 && !s.prefix && v.slashy && !slashyBefore
		slashyBefore = slashyBefore || v.slashy
		shared := segVars[v.seg] > 1 && !split[v.seg]
		part := varPart(v, wild, shared, segText[v.seg], mode)
		if wild && !shared {
			// varPart kept the variable's own pattern as the constraint.
			part = exceptWild(part, v.pattern, ex(v.name))
		} else if wild {
			part = exceptWild(part, "(restricted)", ex(v.name))
		} else {
			part = except(part, ex(v.name))
		}
		parts = append(parts, part)
	}
	if s.prefix && !slashyBefore {
		if strings.HasSuffix(s.path, "/") {
			parts = append(parts, exceptWild(urlfor.Wildcard(RestParam), "", ex(RestParam)))
		} else {
			parts = append(parts, urlfor.Literal("/"), exceptWild(urlfor.Wildcard(RestParam).Optional(), "", ex(RestParam)))
		}
	}
	opts := []urlfor.TemplateOption{urlfor.Backtracking()}
	if mode.decodedRules() {
		opts = append(opts, urlfor.Unroutable("/"))
	}
	return urlfor.NewTemplate(s.path, parts, opts...)
}

// except refuses the values earlier routes take from a part (shadow.go).
func except(p urlfor.Part, t *taken) urlfor.Part {
	if t == nil || len(t.values) == 0 {
		return p
	}
	return p.Except(t.why(), t.values...)
}

// exceptWild refuses the values earlier routes take from a wildcard
// whose constraint is constraint (see complement.go).
func exceptWild(p urlfor.Part, constraint string, t *taken) urlfor.Part {
	if t == nil || len(t.values) == 0 {
		return p
	}
	if re, ok := exceptWildcard(constraint, t.values); ok {
		p = p.Matching(re)
	}
	return p.Except(t.why(), t.values...) // for when urlfor checks it
}

// splitsAlone reports, for each segment of a template (separated by sep)
// that holds several variables, whether mux's regexp splits it the same
// way whatever the values: every variable but the segment's last is
// followed by literal text whose first byte its own regexp cannot match
// ("{type:[a-z]+}-{date}"). Each variable then ends where that byte first
// appears, which is where the literal starts, since the value matches the
// same regexp. re returns the regexp of the i-th variable.
func splitsAlone(toks []token, sep byte, re func(i int) *syntax.Regexp) map[int]bool {
	alone := map[int]bool{}
	seg, vi := 0, 0
	for i, t := range toks {
		if !t.isVar() {
			seg += strings.Count(t.lit, string(sep))
			continue
		}
		if _, seen := alone[seg]; !seen {
			alone[seg] = true
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lit
			if toks[i+1].isVar() {
				alone[seg] = false // two variables with nothing between
			}
		}
		if next != "" && next[0] != sep && mayMatch(re(vi), rune(next[0])) {
			alone[seg] = false
		}
		vi++
	}
	return alone
}

// varPart is the urlfor part of one path variable. wild makes it a
// wildcard (a last variable whose regexp can match "/"); shared says its
// segment holds other variables that mux's regexp could split elsewhere,
// so that its value may not contain any byte of the segment's literal
// text segText: every such byte in the URL is then literal text, so the
// regexp's literals can only match where they were written.
func varPart(v pathVar, wild, shared bool, segText string, mode pathMode) urlfor.Part {
	part := urlfor.Param(v.name)
	alphabet, inv := escapedParam, invariant
	if wild {
		part = urlfor.Wildcard(v.name)
		alphabet, inv = escapedPath, union(invariant, setOf("/"))
	}
	allow := allRunes
	restricted := false
	constraint := v.pattern
	if shared {
		// Two variables in a segment: mux's regexp could split the text
		// elsewhere if a value held a byte of the text between them.
		allow, restricted = without(allow, segText), true
	}
	if mode.encodedRules() {
		switch {
		case shared || !acceptsAll(v.re, alphabet):
			// The regexp sees the escaped text: values must be made of
			// bytes that escaping leaves alone.
			allow, restricted = intersect(allow, inv), true
		case !wild:
			constraint = slashSafe
		}
	}
	if restricted {
		constraint = restrict(v.re, allow).String()
	}
	if constraint != "" {
		part = part.Matching(constraint)
	}
	return part
}

// hostTemplate compiles a mux host template. A host value can only be a
// host label (urlfor checks it), so it never holds "."; two variables in
// one label that mux's regexp could split elsewhere may not hold a byte of
// that label's literal text (see varPart).
func hostTemplate(tpl string) (*urlfor.Template, error) {
	toks, err := parseTemplate(tpl)
	if err != nil {
		return nil, err
	}
	if len(toks) > maxHostParts && hostValuesDropped() {
		return nil, templateError(tpl, "host templates of more than 4 parts are written without their values by this version of urlfor; refused until it is fixed")
	}
	labelText := map[int]string{}
	labelVars := map[int]int{}
	label := 0
	labels := make([]int, len(toks))
	for i, t := range toks {
		labels[i] = label
		if t.isVar() {
			labelVars[label]++
			continue
		}
		for _, piece := range strings.SplitAfter(t.lit, ".") {
			text, dot := strings.CutSuffix(piece, ".")
			labelText[label] += text
			if dot {
				label++
			}
		}
	}
	var res []*syntax.Regexp
	for _, t := range toks {
		if !t.isVar() {
			continue
		}
		pattern := t.pattern
		if pattern == "" {
			pattern = defaultHostPattern
		}
		re, err := parseRegexp(pattern)
		if err != nil {
			return nil, templateError(tpl, fmt.Sprintf("regexp of %q: %v", t.name, err))
		}
		res = append(res, re)
	}
	split := splitsAlone(toks, '.', func(i int) *syntax.Regexp { return res[i] })
	var parts []urlfor.Part
	for i, t := range toks {
		if !t.isVar() {
			parts = append(parts, urlfor.Literal(t.lit))
			continue
		}
		part := urlfor.Param(t.name)
		constraint := t.pattern
		if labelVars[labels[i]] > 1 && !split[labels[i]] {
			pattern := t.pattern
			if pattern == "" {
				pattern = defaultHostPattern
			}
			if constraint, err = restrictText(pattern, without(allRunes, labelText[labels[i]])); err != nil {
				return nil, templateError(tpl, fmt.Sprintf("regexp of %q: %v", t.name, err))
			}
		}
		if constraint != "" {
			part = part.Matching(constraint)
		}
		parts = append(parts, part)
	}
	return urlfor.NewHostTemplate(tpl, parts)
}

// queryParam translates one of mux's query templates ("page={page:[0-9]+}",
// "foo=bar", "foo="). mux matches the first value of the key, decoded,
// against the value's regexp; a value that mixes text and variables is not
// supported.
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
	case len(toks) == 1 && !toks[0].isVar():
		part = urlfor.Literal(toks[0].lit)
	case len(toks) == 1:
		pattern := toks[0].pattern
		if pattern == "" {
			// mux's default: "." does not match a newline.
			pattern = defaultQueryPattern
		}
		part = urlfor.Param(toks[0].name).Matching(pattern)
	default:
		return urlfor.QueryParam{}, templateError(tpl, "a query value that mixes text and variables is not supported")
	}
	return urlfor.NewQueryParam(key, part)
}

// literalFor is the text of a path literal in a URL: escaped where the
// router matches the decoded path (a space in the template is "%20" on the
// wire); as it is where the router matches the escaped path, which must
// then be able to hold it. When the mode is unknown, only text escaping
// leaves alone is certain.
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

// escapeLiteral percent-encodes the bytes of s that urlfor escapes in a
// path, keeping "/".
func escapeLiteral(s string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c < 0x80 && invariant.has(rune(c)) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+8), s[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}

// validEncoded reports whether c may appear raw in an escaped path as Go's
// net/url keeps it (url.URL.EscapedPath).
func validEncoded(c byte) bool {
	return c == '/' || c == '%' || c < 0x80 && invariant.has(rune(c)) || strings.IndexByte("!'()*,;[]", c) >= 0
}
