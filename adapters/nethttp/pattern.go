package partyhttp

import (
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/partyline-go/partyline/urlfor"
)

// SubtreeParam is the key that fills the anonymous remainder of a subtree
// pattern, one that ends in "/" without "{$}": "/static/" matches
// "/static/css/site.css", and h.URL(r, "static", SubtreeParam, "css/site.css")
// builds it. ServeMux gives that remainder no name (r.PathValue cannot read
// it; the handler sees it in r.URL.Path after the pattern's prefix), so it
// gets one that no ServeMux wildcard can have: "*", as chi spells its
// catch-all. It may be left out: h.URL(r, "static") is "/static/".
const SubtreeParam = "*"

// notSlash is the constraint of every "{name}" parameter: any value but "/"
// alone. ServeMux decodes a segment before matching it, and a segment that
// decodes to "/" ("%2F") is, to its routing tree, the trailing slash of
// "{$}" and of subtree patterns: a single wildcard never matches it
// (net/http/routing_tree.go, matchPath), so no URL can carry that value.
// Every other value holding "/" ("a/b", "//", "/a") routes back.
const notSlash = `(?s:[^/].*|/.+)`

// translate reads one ServeMux pattern ("[METHOD ][HOST]/[PATH]", Go 1.22)
// into the route named name. A pattern it cannot translate, or whose URLs
// could never reach it, becomes a route with Err set (a [*PatternError]):
// listed, and failing to build.
//
// The path becomes a urlfor template, segment by segment, as ServeMux's own
// parser reads it (net/http/pattern.go):
//
//	literal segment   "posts"     -> literal text, percent-decoded then
//	                                 re-escaped: ServeMux compares it with the
//	                                 decoded request segment, so "/caf%C3%A9"
//	                                 and "/café" are the same literal
//	"{name}"                      -> urlfor.Param (one whole segment), any value but "/"
//	"{name...}"                   -> urlfor.Wildcard (the remainder; may be empty)
//	"{$}"                         -> nothing: the literal "/" before it ends the path
//	trailing "/"                  -> that "/" and urlfor.Wildcard(SubtreeParam)
//
// A host becomes a literal host template: its URLs are absolute.
//
// No urlfor.TemplateOption is needed: since Go 1.22, ServeMux splits the
// escaped path into segments before decoding each one, so "%2F" inside a
// value stays inside its segment and comes back from r.PathValue as "/"
// (nothing is Unroutable, except the value "/" alone: see notSlash); and
// wildcards are whole segments, so no parameter is followed by literal text
// in its segment (no Backtracking).
func translate(name, pattern string) urlfor.Route { return newEntry(name, pattern).base }

// newEntry reads one pattern as translate does, keeping what the shadow
// analysis needs: its segments and the parts to rebuild its template with.
func newEntry(name, pattern string) *entry {
	e := &entry{base: urlfor.Route{Name: name, Pattern: pattern}}
	r := &e.base
	method, host, p, err := splitPattern(pattern)
	r.Method = method
	if err != nil {
		r.Err = err
		return e
	}
	parts, segs, partOf, err := pathParts(pattern, p)
	if err != nil {
		r.Err = err
		return e
	}
	if r.Path, err = urlfor.NewTemplate(pattern, parts); err != nil {
		r.Err = &PatternError{Pattern: pattern, Reason: err.Error()}
		return e
	}
	if host != "" {
		if r.Host, err = urlfor.NewHostTemplate(host, []urlfor.Part{urlfor.Literal(host)}); err != nil {
			r.Err = &PatternError{Pattern: pattern, Reason: err.Error()}
			return e
		}
	}
	e.host, e.segs, e.parts, e.partOf = host, segs, parts, partOf
	return e
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
		if !isToken(method) {
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

// pathParts translates a clean pattern path into template parts, and its
// segments, with partOf[k] the index in parts of segment k's wildcard (-1
// for a literal segment).
func pathParts(pattern, p string) (parts []urlfor.Part, segs []seg, partOf []int, err error) {
	fail := func(why string) ([]urlfor.Part, []seg, []int, error) {
		return nil, nil, nil, &PatternError{Pattern: pattern, Reason: why}
	}
	add := func(s seg, part int) {
		segs = append(segs, s)
		partOf = append(partOf, part)
	}
	var lit strings.Builder
	flush := func() {
		parts = append(parts, urlfor.Literal(lit.String()))
		lit.Reset()
	}
	seen := map[string]bool{}
	for rest := p; rest != ""; {
		// Invariant: rest[0] == '/'.
		rest = rest[1:]
		lit.WriteByte('/')
		if rest == "" { // a trailing slash: the subtree below
			flush()
			add(seg{kind: segMulti}, len(parts))
			parts = append(parts, urlfor.Wildcard(SubtreeParam))
			break
		}
		sg := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			sg, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if !strings.Contains(sg, "{") {
			dec := pathUnescape(sg)
			if dec == "." || dec == ".." {
				return fail("has the segment " + quote(sg) + ", which clients read as a dot segment (RFC 3986 §5.2.4) and remove")
			}
			lit.WriteString(url.PathEscape(dec))
			add(seg{kind: segLit, text: dec}, -1)
			continue
		}
		if sg[0] != '{' || sg[len(sg)-1] != '}' {
			return fail("has the segment " + quote(sg) + ": a wildcard must be a whole segment, \"{name}\"")
		}
		wild := sg[1 : len(sg)-1]
		if wild == "$" {
			if rest != "" {
				return fail("has \"{$}\" before its end")
			}
			flush()
			add(seg{kind: segDollar}, -1)
			break
		}
		wild, multi := strings.CutSuffix(wild, "...")
		switch {
		case multi && rest != "":
			return fail("has " + quote(sg) + " before its end")
		case wild == "":
			return fail("has an empty wildcard")
		case !isIdentifier(wild):
			return fail("has the wildcard name " + quote(wild) + ", which is not a Go identifier")
		case seen[wild]:
			return fail("has the wildcard " + quote(wild) + " twice")
		}
		seen[wild] = true
		flush()
		if multi {
			add(seg{kind: segMulti}, len(parts))
			parts = append(parts, urlfor.Wildcard(wild))
		} else {
			add(seg{kind: segSingle}, len(parts))
			parts = append(parts, urlfor.Param(wild).Matching(notSlash))
		}
	}
	if lit.Len() > 0 {
		flush()
	}
	return parts, segs, partOf, nil
}

// cleanPath is ServeMux's: path.Clean that keeps a trailing slash.
func cleanPath(p string) string {
	np := path.Clean(p)
	if strings.HasSuffix(p, "/") && np != "/" {
		np += "/"
	}
	return np
}

// pathUnescape is ServeMux's: an invalid escape leaves the text as it is.
func pathUnescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// isIdentifier reports whether s is a Go identifier, as ServeMux requires
// of wildcard names.
func isIdentifier(s string) bool {
	for i, c := range s {
		if !unicode.IsLetter(c) && c != '_' && (i == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

// isToken reports whether s is an RFC 9110 token, as a method must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return s != ""
}
