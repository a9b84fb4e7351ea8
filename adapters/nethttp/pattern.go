package partyhttp

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// SubtreeParam is the key that fills the anonymous remainder of a subtree
// pattern ("/static/" matches "/static/css/site.css"):
// h.URL(r, "static", SubtreeParam, "css/site.css"). ServeMux gives it no
// name (the handler reads it in r.URL.Path), so it gets one no wildcard can
// have, "*" as in chi. Left out, it is empty: "/static/".
const SubtreeParam = "*"

// slashAlone is what every "{name}" refuses: the value "/" alone, whose
// segment "%2F" ServeMux decodes and takes for the trailing slash of "{$}"
// and subtrees, which no single wildcard matches (net/http/routing_tree.go,
// matchPath). "a/b", "//" and "/a" route back. A taken value, not a
// regexp constraint: one comparison instead of a regexp run per value
// (BenchmarkNotSlash).
var slashAlone = urlfor.Taken{By: "ServeMux's trailing slash (a segment \"%2F\" alone is decoded to \"/\")", Values: []string{"/"}}

// segKind is the kind of one segment of a ServeMux pattern.
type segKind uint8

const (
	segLit    segKind = iota // literal text, decoded
	segSingle                // "{name}"
	segMulti                 // "{name...}", or the rest below a trailing "/"
	segDollar                // "{$}": the empty last segment after a "/"
)

type seg struct {
	kind segKind
	text string // a literal's decoded text, or a wildcard's name
	tok  int    // a wildcard's index in its entry's parts and tokens
}

// entry is one registered pattern: its route as translated alone, and what
// the analysis of the values other routes take needs (shadow.go).
type entry struct {
	base  urlfor.Route
	host  string
	segs  []seg         // nil when the pattern did not translate
	parts []urlfor.Part // the path template's parts
	shape adapterkit.Shape
}

// translate reads a ServeMux pattern ("[METHOD ][HOST]/[PATH]") into the
// route named name, segment by segment as net/http/pattern.go does: a
// literal decoded then re-escaped ("/caf%C3%A9" is "/café"), "{name}" a
// urlfor.Param refusing "/" alone (slashAlone), "{name...}" a Wildcard,
// "{$}" nothing after its "/", a trailing "/" a Wildcard(SubtreeParam), a host a literal host
// template. ServeMux splits the escaped path before decoding each segment
// and wildcards are whole segments: no urlfor.TemplateOption is needed. A
// pattern no URL can reach gets Err, a [*PatternError].
func translate(name, pattern string) urlfor.Route { return newEntry(name, pattern).base }

func newEntry(name, pattern string) *entry {
	e := &entry{base: urlfor.Route{Name: name, Pattern: pattern}, shape: adapterkit.Shape{By: pattern}}
	method, host, p, err := splitPattern(pattern)
	if e.base.Method, e.host = method, host; err == nil {
		e.segs, err = parsePath(pattern, p)
	}
	if err != nil {
		e.base.Err, e.segs = err, nil
		return e
	}
	e.parts, e.shape.Tokens = assemble(e.segs)
	if e.base = e.build(e.parts); e.base.Err != nil {
		e.segs = nil
	}
	return e
}

// build returns e's route with parts as its path template.
func (e *entry) build(parts []urlfor.Part) urlfor.Route {
	r := e.base
	var err error
	if r.Path, err = urlfor.NewTemplate(r.Pattern, parts); err == nil && e.host != "" {
		r.Host, err = urlfor.NewHostTemplate(e.host, []urlfor.Part{urlfor.Literal(e.host)})
	}
	if err != nil {
		r.Path, r.Host, r.Err = nil, nil, &PatternError{Pattern: r.Pattern, Reason: err.Error()}
	}
	return r
}

// assemble turns segments into template parts and the parallel tokens of
// [adapterkit.Shape], and records in each wildcard segment its index. A
// token's literal is the decoded text ServeMux compares, a "/" inside a
// segment ("%2F") masked as 0xFF (see withTwin).
func assemble(segs []seg) (parts []urlfor.Part, toks []adapterkit.Token) {
	var lit, tok strings.Builder
	flush := func() {
		parts, toks = append(parts, urlfor.Literal(lit.String())), append(toks, adapterkit.Lit(tok.String()))
		lit.Reset()
		tok.Reset()
	}
	for k := range segs {
		s := &segs[k]
		lit.WriteByte('/')
		tok.WriteByte('/')
		switch s.kind {
		case segLit:
			lit.WriteString(escapeSegment(s.text))
			tok.WriteString(strings.ReplaceAll(s.text, "/", "\xff"))
		case segSingle:
			flush()
			s.tok = len(parts)
			parts, toks = append(parts, urlfor.Param(s.text).TakenBy(slashAlone)), append(toks, adapterkit.P(s.text))
		case segMulti:
			flush()
			s.tok = len(parts)
			parts, toks = append(parts, urlfor.Wildcard(s.text)), append(toks, adapterkit.Wild(s.text))
		}
	}
	if lit.Len() > 0 {
		flush()
	}
	return parts, toks
}

// splitPattern splits a pattern into its method, host and path, with
// ServeMux's rules: the method ends at the first space or tab, the host at
// the first "/".
func splitPattern(pattern string) (method, host, p string, err error) {
	fail := func(why string) (string, string, string, error) {
		return method, "", "", &PatternError{Pattern: pattern, Reason: why}
	}
	if pattern == "" {
		return fail("is empty")
	}
	rest := pattern
	if i := strings.IndexAny(pattern, " \t"); i >= 0 {
		method, rest = pattern[:i], strings.TrimLeft(pattern[i+1:], " \t")
		if !token.MatchString(method) {
			return fail("has an invalid method " + quote(method))
		}
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return fail("has no path (a pattern is [METHOD ][HOST]/[PATH])")
	}
	host, p = rest[:i], rest[i:]
	if why := checkHost(host); why != "" {
		return fail(why)
	}
	if p != cleanPath(p) {
		return fail("has an empty, \".\" or \"..\" segment: ServeMux redirects such request paths to their clean form, so no URL reaches this pattern")
	}
	return method, host, p, nil
}

// checkHost refuses hosts whose URLs could not reach the pattern. ServeMux
// compares the request's Host, without its port, byte for byte with the
// pattern's host; it allows no wildcard there.
func checkHost(host string) string {
	for i := 0; i < len(host); i++ {
		switch c := host[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.':
		case c == '{':
			return "has a wildcard in its host, which ServeMux does not allow"
		case c == ':':
			return "has a port in its host: ServeMux matches the request's host without its port, so this pattern never matches"
		case 'A' <= c && c <= 'Z':
			return "has upper-case letters in its host: ServeMux compares hosts byte for byte and browsers send them in lower case"
		default:
			return "has " + quote(string(c)) + " in its host, which is not a host name (RFC 1123: letters, digits, hyphens and dots)"
		}
	}
	return ""
}

// parsePath reads the segments of a clean pattern path.
func parsePath(pattern, p string) ([]seg, error) {
	raw := strings.Split(p[1:], "/")
	segs := make([]seg, 0, len(raw))
	seen := map[string]bool{}
	for k, sg := range raw {
		s, why := parseSegment(sg, k == len(raw)-1, seen)
		if why != "" {
			return nil, &PatternError{Pattern: pattern, Reason: why}
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// parseSegment reads one segment; an empty one (only last, in a clean
// path) is the subtree below a trailing "/". why says what is wrong.
func parseSegment(sg string, last bool, seen map[string]bool) (s seg, why string) {
	switch {
	case sg == "":
		return seg{kind: segMulti, text: SubtreeParam}, ""
	case !strings.Contains(sg, "{"):
		dec := pathUnescape(sg)
		if dec == "." || dec == ".." {
			return s, "has the segment " + quote(sg) + ", which clients read as a dot segment (RFC 3986 §5.2.4) and remove"
		}
		return seg{kind: segLit, text: dec}, ""
	case sg[0] != '{' || sg[len(sg)-1] != '}':
		return s, "has the segment " + quote(sg) + ": a wildcard must be a whole segment, \"{name}\""
	}
	name, multi := strings.CutSuffix(sg[1:len(sg)-1], "...")
	switch {
	case (multi || name == "$") && !last:
		return s, "has " + quote(sg) + " before its end"
	case name == "$" && !multi:
		return seg{kind: segDollar}, ""
	case name == "":
		return s, "has an empty wildcard"
	case !identifier.MatchString(name):
		return s, "has the wildcard name " + quote(name) + ", which is not a Go identifier"
	case seen[name]:
		return s, "has the wildcard " + quote(name) + " twice"
	}
	seen[name] = true
	if multi {
		return seg{kind: segMulti, text: name}, ""
	}
	return seg{kind: segSingle, text: name}, ""
}

// cleanPath is ServeMux's: path.Clean that keeps a trailing slash.
func cleanPath(p string) string {
	np := path.Clean(p)
	if strings.HasSuffix(p, "/") && np != "/" {
		np += "/"
	}
	return np
}

// escapeSegment writes one decoded path segment as Go's default path
// encoding does (url.URL.EscapedPath: all but ASCII letters, digits, "-._~"
// and "$&+,:;=@" escaped), which is also how urlfor escapes a value, and
// a "/" inside it as "%2F". A path spelled so carries no url.URL.RawPath
// unless a segment holds "/". (The "/" in front dodges EscapedPath's
// special case of "*".)
func escapeSegment(s string) string {
	return strings.ReplaceAll((&url.URL{Path: "/" + s}).EscapedPath()[1:], "/", "%2F")
}

// pathUnescape is ServeMux's: an invalid escape leaves the text as it is.
func pathUnescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// identifier is a Go identifier, as ServeMux requires of wildcard names;
// token an RFC 9110 token, as a method must be.
var (
	identifier = regexp.MustCompile(`^[\p{L}_][\p{L}\p{Nd}_]*$`)
	token      = regexp.MustCompile("^[-!#$%&'*+.^_`|~0-9A-Za-z]+$")
)

func quote(s string) string { return strconv.Quote(s) }
