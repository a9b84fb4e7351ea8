package urlfor

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Route is one endpoint of an app, as an adapter reports it: its local name,
// the framework's pattern, and the compiled templates to build it.
type Route struct {
	Name    string // the endpoint's local name: "post" (the namespace is the participant's)
	Method  string // "GET", or "" when the route takes any method; for listings
	Pattern string // the framework's pattern text: "/posts/:id"
	Path    *Template
	Host    *Template    // optional (gorilla/mux Host): the URL is then absolute
	Scheme  string       // with Host: the scheme of the absolute URL; "http" when empty
	Query   []QueryParam // query values the route requires (gorilla/mux Queries)

	// Err, when set, says why the adapter could not translate the
	// framework's pattern. The endpoint is still listed; building it
	// returns Err, so nothing is silently lost.
	Err error

	strict bool // Template.Build: unused pairs are an error, not a query
}

// QueryParam is a query value a route requires, like gorilla/mux's
// Queries("page", "{page:[0-9]+}"): a fixed value, or a parameter whose value
// is taken from the pairs, checked against its constraint and placed in the
// query under Key.
type QueryParam struct {
	Key   string
	value compiledPart
}

// NewQueryParam makes a required query value: value is a [Literal] (always
// sent) or a [Param], optionally [Part.Matching]. Errors wrap
// [ErrInvalidTemplate].
func NewQueryParam(key string, value Part) (QueryParam, error) {
	q := QueryParam{Key: key, value: compiledPart{Part: value}}
	if key == "" || value.kind == kindWildcard {
		return q, templateErr(key, "a query parameter needs a key and a literal or parameter value")
	}
	if value.constraint != "" {
		re, err := regexp.Compile(`^(?:` + value.constraint + `)$`)
		if err != nil {
			return q, templateErr(key, err.Error())
		}
		q.value.re = re
	}
	return q, nil
}

// Request is what a URL is built from. It is also the payload of the
// "url_for" service.
type Request struct {
	Name     string   // "blog:post" or "post"
	Pairs    []string // key, value, key, value...: route parameters, the rest become the query
	Fragment string   // without "#"; escaped per RFC 3986 §3.5; "" for none
	Origin   Origin   // when set, the URL is absolute (Flask's _external)
}

// maxPairs bounds the pairs of one build, so that "used" fits a bitmask.
const maxPairs = 64

// Build returns the URL of the route: prefix (the mount prefix, "" or
// "/blog") followed by the path built from req.Pairs, then the query, then
// the fragment. With a Host template or a req.Origin the URL is absolute;
// an Origin whose scheme is not "", "http" or "https", or whose host has a
// byte no host[:port] has ("/", "@", space...), is refused with
// [ErrBadCall] (an Origin may be made by hand, not only by [ParseOrigin]).
//
// Path values are escaped as one segment each (RFC 3986 §3.3: "/", "?", "#",
// "%", space, controls and non-ASCII are percent-encoded); a wildcard keeps
// "/" between its segments. Refused with a [*ParamError]: a missing required
// parameter; an empty value; "." or ".." as a segment (clients and routers
// remove them, RFC 3986 §5.2.4); an empty segment in a wildcard; invalid
// UTF-8 or NUL; a byte the template lists as [Unroutable]; a byte where the
// router would end the parameter; a value that breaks its constraint; and
// any path that would start with "//" (a scheme-relative URL, an open
// redirect: Django CVE-2018-14574). A value that looks like a placeholder
// ("{id}", ":id") is data and is escaped like any other. An optional
// parameter left out takes the "/" before it along ("/user/:name?" gives
// "/user", "/:name?/edit" gives "/edit"), but never the template's only "/"
// ("/:name?" gives "/", and "/blog/" under the mount prefix "/blog").
//
// Pairs the route does not use become the query string, sorted by key (a
// stable sort, so repeated keys keep their order), escaped as
// application/x-www-form-urlencoded. The URL is one allocation.
func (r *Route) Build(prefix string, req *Request) (string, error) {
	u, _, err := r.build(prefix, req)
	return u, err
}

// build is Build, and also returns the URL's path (from the mount prefix
// to the end of the path template: no scheme, host, query or fragment).
func (r *Route) build(prefix string, req *Request) (string, string, error) {
	if r.Err != nil {
		return "", "", r.Err
	}
	if r.Path == nil {
		return "", "", templateErr(r.Pattern, "the route has no path template")
	}
	pairs := req.Pairs
	if len(pairs)%2 != 0 {
		return "", "", badCall("odd number of pairs (%d): give key, value, key, value...", len(pairs))
	}
	if len(pairs) > 2*maxPairs {
		return "", "", badCall("more than %d pairs", maxPairs)
	}
	s := buildState{route: r}
	// The endpoint's name only goes into errors, and always as a copy
	// (strings.Clone): were it to leak, the compiler would move the Request
	// and the caller's pairs to the heap on every build.
	ep := req.Name
	if ep == "" {
		ep = r.Name
	}
	n, err := s.measure(prefix, ep, req)
	if err != nil {
		return "", "", err
	}
	out := make([]byte, 0, n)
	out = s.write(out, prefix, req)
	// out is never written again: the string shares its memory, as
	// strings.Builder does, so the URL costs one allocation.
	u := unsafe.String(unsafe.SliceData(out), len(out))
	return u, u[s.pathStart:s.pathEnd], nil
}

// buildState carries one build between its measuring and writing passes.
type buildState struct {
	route              *Route
	pathStart, pathEnd int // where write put the path in the URL
	used               uint64
	path               [8]string // values of the path parts, by part index (small routes)
	pathMore           []string  // the same, for routes of more than 8 parts
	host               [4]string
	hostMore           []string
	query              []string // values of route query params, when any
	extra              [8]int   // pair indexes of unused pairs, sorted by key
	extraN             int
	extraAll           []int
	absent             uint64 // optional parts left out, by part index
	plain              uint64 // path parts whose value needs no escaping, by part index
}

func (s *buildState) lookup(req *Request, ep, name, alias string) (string, bool, error) {
	pairs := req.Pairs
	found := -1
	for i := 0; i < len(pairs); i += 2 {
		if pairs[i] == name {
			if found >= 0 {
				return "", false, badCall("%s: parameter %s given twice", strings.Clone(ep), quote(name))
			}
			found = i
		}
	}
	if alias != "" {
		// Rare (fiber's "*" for "*1"): a second scan, so that the loop
		// every other parameter runs stays as it was.
		var err error
		if found, err = lookupAlias(pairs, ep, name, alias, found); err != nil {
			return "", false, err
		}
	}
	if found < 0 {
		return "", false, nil
	}
	s.used |= 1 << (found / 2)
	return pairs[found+1], true, nil
}

// lookupAlias finds the alias of parameter name in pairs, given where name
// itself was found (-1: not); the alias twice, or beside name, is an error.
func lookupAlias(pairs []string, ep, name, alias string, found int) (int, error) {
	for i := 0; i < len(pairs); i += 2 {
		if pairs[i] != alias {
			continue
		}
		if found >= 0 {
			first, second := strings.Clone(pairs[found]), alias // in the order given
			if i < found {
				first, second = second, first
			}
			return -1, badCall("%s: parameter %q given twice (as %q and %q)", strings.Clone(ep), name, first, second)
		}
		found = i
	}
	return found, nil
}

func slot(arr []string, more *[]string, n int) []string {
	if n <= len(arr) {
		return arr[:n]
	}
	*more = make([]string, n)
	return *more
}

func (s *buildState) measure(prefix, ep string, req *Request) (int, error) {
	r := s.route
	n := len(prefix)
	if req.Origin != (Origin{}) {
		if err := req.Origin.checkInBuild(); err != nil {
			return 0, err
		}
	}
	if r.Host != nil || req.Origin.Host != "" {
		scheme, host := s.origin(req)
		n += len(scheme) + len("://") + len(host)
	}
	if r.Host != nil {
		vals := slot(s.host[:], &s.hostMore, len(r.Host.parts))
		m, err := s.measureTemplate(req, ep, r.Host, vals)
		if err != nil {
			return 0, err
		}
		n += m
	}
	vals := slot(s.path[:], &s.pathMore, len(r.Path.parts))
	m, err := s.measureTemplate(req, ep, r.Path, vals)
	if err != nil {
		return 0, err
	}
	n += m
	if prefix == "" && m > 1 && s.pathStartsWithDoubleSlash(vals) {
		const why = "would make the path start with // (a scheme-relative URL, an open redirect)"
		i := firstParam(r.Path)
		if i < 0 {
			return 0, templateErr(r.Pattern, "the path "+why)
		}
		return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: r.Pattern, Param: r.Path.parts[i].text, Value: vals[i], Reason: why}
	}
	q, err := s.measureQuery(req, ep)
	if err != nil {
		return 0, err
	}
	n += q
	if f := req.Fragment; f != "" {
		if why := checkText(f); why != "" {
			return 0, badCall("%s: fragment %s %s", strings.Clone(ep), quote(f), why)
		}
		n += 1 + escapedLen(f, rawFragment)
	}
	return n, nil
}

// firstParam returns the index of t's first parameter part, or -1.
func firstParam(t *Template) int {
	for i, p := range t.parts {
		if p.kind != kindLiteral {
			return i
		}
	}
	return -1
}

func (s *buildState) origin(req *Request) (scheme, host string) {
	scheme, host = req.Origin.Scheme, req.Origin.Host
	if s.route.Host != nil {
		host = ""
		if s.route.Scheme != "" {
			scheme = s.route.Scheme
		}
	}
	if scheme == "" {
		scheme = "http"
	}
	return scheme, host
}

// measureTemplate resolves and checks every parameter of t, storing values
// in vals, and returns the length of the built text.
func (s *buildState) measureTemplate(req *Request, ep string, t *Template, vals []string) (int, error) {
	n := t.literalLen
	for i := range t.parts {
		p := &t.parts[i]
		if p.kind == kindLiteral {
			continue
		}
		v, ok, err := s.lookup(req, ep, p.text, p.alias)
		if err != nil {
			return 0, err
		}
		switch {
		case !ok && p.optional:
			s.absent |= 1 << i
			continue
		case !ok && p.kind == kindParam:
			return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: t.pattern, Param: p.text, Missing: true}
		}
		if p.kind == kindWildcard && p.slashed && strings.HasPrefix(v, "/") {
			v = v[1:]
		}
		// One pass measures the escaped value and spots what checkText
		// refuses (NUL and non-ASCII are escaped in every class).
		var why string
		m := len(v)
		switch {
		case t.host:
			why = checkHostLabel(p, v)
		case p.kind == kindParam:
			var unroutable bool
			if m, why, unroutable = t.measureParam(v); why == "" {
				why = t.checkParam(p, v, unroutable)
			}
		default:
			if m, why = measureText(v, rawPath); why == "" {
				why = t.checkWildcard(p, v)
			}
		}
		var by string
		if why == "" && p.taken != nil {
			why, by = p.taken.check(v)
		}
		if why != "" {
			return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: t.pattern, Param: p.text, Value: v, Reason: why, TakenBy: by}
		}
		vals[i] = v
		if m == len(v) && !t.host {
			s.plain |= 1 << i // written with one copy
		}
		n += m
	}
	return n, nil
}

// measureText returns the length of s escaped for class and, when s is
// not valid text (invalid UTF-8, NUL), why, as checkText does.
func measureText(s string, class uint8) (n int, why string) {
	n = len(s)
	suspect := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; classes[c]&class == 0 {
			n += 2
			suspect = suspect || c == 0 || c >= utf8.RuneSelf
		}
	}
	if suspect {
		why = checkTextSlow(s)
	}
	return n, why
}

// checkParam checks a parameter's value, already known to be valid text.
// measureParam is measureText for a parameter's value, and reports in the
// same pass whether the value holds an unroutable byte.
func (t *Template) measureParam(s string) (n int, why string, unroutable bool) {
	n = len(s)
	suspect := false
	var hit uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		hit |= t.unroutBits[c>>6] & (1 << (c & 63))
		if classes[c]&rawSegment == 0 {
			n += 2
			suspect = suspect || c == 0 || c >= utf8.RuneSelf
		}
	}
	if suspect {
		why = checkTextSlow(s)
	}
	return n, why, hit != 0
}

func (t *Template) checkParam(p *compiledPart, v string, unroutable bool) string {
	switch {
	case v == "":
		return "is empty"
	case v == "." || v == "..":
		return "is a dot segment, which clients and routers remove (RFC 3986 §5.2.4)"
	case unroutable:
		return fmt.Sprintf("contains one of %q, which this router cannot route back even percent-encoded", t.unroutable)
	case p.stop != 0 && !t.backtracks && strings.IndexByte(v, p.stop) >= 0:
		return fmt.Sprintf("contains %q, where this router ends the parameter", p.stop)
	case p.re != nil && !p.re.MatchString(v):
		return fmt.Sprintf("does not match the constraint %q", p.constraint)
	}
	return ""
}

// checkWildcard checks a wildcard's value, already known to be valid text.
func (t *Template) checkWildcard(p *compiledPart, v string) string {
	if p.re != nil && !p.re.MatchString(v) {
		return fmt.Sprintf("does not match the constraint %q", p.constraint)
	}
	if v == "" {
		return ""
	}
	// "/" separates a wildcard's segments; any other unroutable byte is as
	// unroutable here as in a parameter.
	for i := 0; i < len(t.unroutable); i++ {
		if c := t.unroutable[i]; c != '/' && strings.IndexByte(v, c) >= 0 {
			return fmt.Sprintf("contains %q, which this router cannot route back even percent-encoded", c)
		}
	}
	switch {
	case v[0] == '/':
		// "/evil.com" would make "//evil.com" at the root, a
		// scheme-relative URL to another host.
		return "starts with \"/\", which would put \"//\" in the path (routers clean or redirect it; at the root it reads as another host)"
	case v[len(v)-1] == '/':
		return "ends with \"/\" (an empty segment), which routers clean or redirect"
	}
	for seg := range strings.SplitSeq(v, "/") {
		switch seg {
		case "":
			return "has an empty segment (\"//\"), which routers clean or redirect"
		case ".", "..":
			return "has a dot segment, which clients and routers remove (RFC 3986 §5.2.4)"
		}
	}
	return ""
}

func checkHostLabel(p *compiledPart, v string) string {
	if v == "" {
		return "is empty"
	}
	for i := 0; i < len(v); i++ {
		if classes[v[i]]&hostLabel == 0 {
			return "is not a host label (letters, digits and inner hyphens, RFC 1123)"
		}
	}
	if v[0] == '-' || v[len(v)-1] == '-' {
		return "starts or ends with a hyphen, which a host label cannot (RFC 1123)"
	}
	if p.re != nil && !p.re.MatchString(v) {
		return fmt.Sprintf("does not match the constraint %q", p.constraint)
	}
	return ""
}

// pathStartsWithDoubleSlash reports whether the path, built without a
// prefix, would start with "//".
func (s *buildState) pathStartsWithDoubleSlash(vals []string) bool {
	var head []byte
	var buf [2]byte
	head = buf[:0]
	for i, p := range s.route.Path.parts {
		if len(head) >= 2 {
			break
		}
		var t string
		switch {
		case p.kind == kindLiteral:
			t = p.text
		case s.absent&(1<<i) != 0:
			// As in writeTemplate: the "/" before a left-out parameter
			// goes when the next part brings its own.
			if i+1 < len(s.route.Path.parts) && strings.HasPrefix(s.route.Path.parts[i+1].text, "/") && len(head) > 0 && head[len(head)-1] == '/' {
				head = head[:len(head)-1]
			}
			continue
		default:
			t = vals[i]
		}
		for j := 0; j < len(t) && len(head) < 2; j++ {
			c := t[j]
			if p.kind == kindParam && classes[c]&rawSegment == 0 {
				c = '%' // escaped: a parameter's "/" is "%2F"
			}
			head = append(head, c)
		}
	}
	return len(head) == 2 && head[0] == '/' && head[1] == '/'
}

func (s *buildState) measureQuery(req *Request, ep string) (int, error) {
	r := s.route
	if len(r.Query) == 0 && s.used == uint64(1)<<(len(req.Pairs)/2)-1 {
		return 0, nil // every pair went into the path: no query
	}
	n := 0
	count := 0
	if len(r.Query) > 0 {
		s.query = make([]string, len(r.Query))
		for i := range r.Query {
			q := &r.Query[i]
			v := q.value.text
			if q.value.kind == kindParam {
				var ok bool
				var err error
				v, ok, err = s.lookup(req, ep, q.value.text, "")
				if err != nil {
					return 0, err
				}
				if !ok {
					return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: r.Pattern, Param: q.value.text, Missing: true}
				}
				why := checkText(v)
				if why == "" && q.value.re != nil && !q.value.re.MatchString(v) {
					why = fmt.Sprintf("does not match the constraint %q", q.value.constraint)
				}
				if why != "" {
					return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: r.Pattern, Param: q.value.text, Value: v, Reason: why}
				}
			}
			s.query[i] = v
			n += queryEscapedLen(q.Key) + 1 + queryEscapedLen(v)
			count++
		}
	}
	pairs := req.Pairs
	// Unused pairs go to s.extra while it has room, then to s.extraAll, a
	// fresh slice: s must never point into itself, or the compiler moves
	// it (and the Request it carries) to the heap on every build.
	for i := 0; i < len(pairs); i += 2 {
		if s.used&(1<<(i/2)) != 0 {
			continue
		}
		if r.strict {
			return 0, badCall("%s: pattern %q has no parameter %s", strings.Clone(ep), r.Pattern, quote(pairs[i]))
		}
		if pairs[i] == "" {
			return 0, badCall("%s: a pair has an empty key", strings.Clone(ep))
		}
		if why := checkText(pairs[i]); why != "" {
			return 0, badCall("%s: query key %s %s", strings.Clone(ep), quote(pairs[i]), why)
		}
		if why := checkText(pairs[i+1]); why != "" {
			return 0, &ParamError{Endpoint: strings.Clone(ep), Pattern: r.Pattern, Param: strings.Clone(pairs[i]), Value: strings.Clone(pairs[i+1]), Reason: why}
		}
		switch {
		case s.extraAll != nil:
			s.extraAll = append(s.extraAll, i)
		case s.extraN < len(s.extra):
			s.extra[s.extraN] = i
			s.extraN++
		default:
			s.extraAll = append(make([]int, 0, 2*len(s.extra)), s.extra[:]...)
			s.extraAll = append(s.extraAll, i)
		}
		n += queryEscapedLen(pairs[i]) + 1 + queryEscapedLen(pairs[i+1])
		count++
	}
	// Insertion sort by key: stable, in place, and the lists are short.
	idx := s.extra[:s.extraN]
	if s.extraAll != nil {
		idx = s.extraAll
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && pairs[idx[j]] < pairs[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	if count > 0 {
		n += count // "?" and the "&"s
	}
	return n, nil
}

func (s *buildState) write(out []byte, prefix string, req *Request) []byte {
	r := s.route
	if r.Host != nil || req.Origin.Host != "" {
		scheme, host := s.origin(req)
		out = append(out, scheme...)
		out = append(out, "://"...)
		if r.Host != nil {
			hostVals := s.host[:]
			if s.hostMore != nil {
				hostVals = s.hostMore
			}
			out = s.writeTemplate(out, r.Host, hostVals, len(out))
		} else {
			out = append(out, host...)
		}
	}
	s.pathStart = len(out)
	out = append(out, prefix...)
	vals := s.path[:]
	if s.pathMore != nil {
		vals = s.pathMore
	}
	out = s.writeTemplate(out, r.Path, vals, len(out))
	s.pathEnd = len(out)
	sep := byte('?')
	for i, q := range r.Query {
		out = append(out, sep)
		out = appendEscaped(out, q.Key, rawQuery)
		out = append(out, '=')
		out = appendEscaped(out, s.query[i], rawQuery)
		sep = '&'
	}
	extra := s.extra[:s.extraN]
	if s.extraAll != nil {
		extra = s.extraAll
	}
	for _, i := range extra {
		out = append(out, sep)
		out = appendEscaped(out, req.Pairs[i], rawQuery)
		out = append(out, '=')
		out = appendEscaped(out, req.Pairs[i+1], rawQuery)
		sep = '&'
	}
	if f := req.Fragment; f != "" {
		out = append(out, '#')
		out = appendEscaped(out, f, rawFragment)
	}
	return out
}

// writeTemplate appends t built from vals to out; start is where the
// template's text begins in out (after the scheme, host and mount prefix).
func (s *buildState) writeTemplate(out []byte, t *Template, vals []string, start int) []byte {
	for i := range t.parts {
		p := &t.parts[i]
		switch {
		case p.kind == kindLiteral:
			out = append(out, p.text...)
		case !t.host && s.absent&(1<<i) != 0:
			// An optional parameter left out takes its leading "/" with it
			// when the next part brings its own ("/user/:name?/edit" gives
			// "/user/edit", "/:name?/edit" gives "/edit"), or when it is last
			// and the template's text keeps more than that "/" ("/user").
			// "/:name?" alone keeps its "/", with or without a mount prefix.
			next := ""
			if i+1 < len(t.parts) {
				next = t.parts[i+1].text
			}
			if n := len(out); n > start && out[n-1] == '/' && (next != "" && next[0] == '/' || next == "" && n-start > 1) {
				out = out[:n-1]
			}
		case t.host, s.plain&(1<<i) != 0:
			out = append(out, vals[i]...)
		case p.kind == kindParam:
			out = appendEscaped(out, vals[i], rawSegment)
		default:
			out = appendEscaped(out, vals[i], rawPath)
		}
	}
	return out
}
