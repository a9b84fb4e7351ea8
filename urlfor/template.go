package urlfor

import (
	"fmt"
	"regexp"
	"strings"
)

type partKind uint8

const (
	kindLiteral partKind = iota
	kindParam
	kindWildcard
)

// Part is one piece of a route pattern, as an adapter reads it from its
// framework's dialect: literal text, a named parameter (one path segment, or
// part of one), or a trailing wildcard (any number of segments). Make one with
// [Literal], [Param] or [Wildcard] and refine it with its methods.
type Part struct {
	kind       partKind
	text       string // the literal text, or the parameter's name
	constraint string
	optional   bool
	slashed    bool
	alias      string    // another key that names the parameter, or ""
	taken      *takenSet // values the router sends to another route
}

// Literal is fixed text of a pattern, copied into the URL as it is: "/posts/".
func Literal(text string) Part { return Part{kind: kindLiteral, text: text} }

// Param is a named parameter: its value fills one path segment or, next to
// literal text, part of one ("{name}.json"). The value is escaped for a path
// segment (RFC 3986 §3.3) and must not be empty, "." or "..".
func Param(name string) Part { return Part{kind: kindParam, text: name} }

// Wildcard is a trailing parameter that spans segments ("*", "*path",
// "{rest...}"): its value keeps "/" between segments and each segment is
// escaped. It may be empty; no segment of it may be empty, "." or "..".
func Wildcard(name string) Part { return Part{kind: kindWildcard, text: name} }

// Matching constrains the part's value: it must match the regexp re whole
// (re is anchored for you, as gorilla/mux and chi do). The value is checked
// against it when a URL is built.
func (p Part) Matching(re string) Part { p.constraint = re; return p }

// Optional lets a parameter be left out (fiber's ":name?"): the URL then
// drops the parameter and the "/" before it ("/user/:name?" gives "/user").
func (p Part) Optional() Part { p.optional = true; return p }

// Alias lets a parameter also be given under another key, where its
// framework reads it by two names (fiber: c.Params("*") is the wildcard
// "*1"). Either key fills it; both in one build are an [ErrBadCall], as
// one key given twice is. Errors name the parameter by its name, which
// [Template.Params] lists.
func (p Part) Alias(key string) Part { p.alias = key; return p }

// SlashPrefixed says the framework hands a wildcard's value to handlers with
// a leading "/" (gin's "*path" gives "/a/b" for ".../a/b"). A value given with
// a leading "/" then loses it in the URL, so the value round-trips.
func (p Part) SlashPrefixed() Part { p.slashed = true; return p }

// Template is a compiled route pattern. It is immutable and safe for
// concurrent use. Build URLs with [Template.Build], or through a [Route].
type Template struct {
	pattern    string
	parts      []compiledPart
	params     []string
	host       bool
	unroutable string
	unroutBits [4]uint64 // the bytes of unroutable, as a set
	backtracks bool
	literalLen int
}

type compiledPart struct {
	Part
	re   *regexp.Regexp
	stop byte // a param's value ends at this byte in the router (the next literal's first byte in its segment); 0 for none
}

// TemplateOption tells a [Template] how its framework's router behaves.
type TemplateOption func(*Template)

// Unroutable lists bytes the framework's router cannot route back inside one
// parameter value, even percent-encoded. Routers that match the decoded path
// (gin, gorilla/mux without UseEncodedPath, fiber) see "%2F" as "/", so they
// pass Unroutable("/"); echo and chi route on the raw path and deliver "%2F"
// intact. Build refuses a parameter value holding one of these bytes, and a
// wildcard value holding one other than "/" (its segment separator).
func Unroutable(bytes string) TemplateOption {
	return func(t *Template) { t.unroutable = bytes }
}

// Backtracking says the router matches a parameter followed by literal text
// in the same segment with a backtracking regexp (gorilla/mux: "{name}.json"
// matches "a.b.json" with name "a.b"). Without it, a parameter's value ends at
// the first byte of the literal that follows it, as in chi and fiber, and
// Build refuses values that contain that byte.
func Backtracking() TemplateOption {
	return func(t *Template) { t.backtracks = true }
}

// NewTemplate compiles the parts of a path pattern. pattern is the
// framework's own text of it, kept for messages and listings. The first part
// must be literal text starting with "/"; parameter names must be non-empty
// and unique; a wildcard may only come last; two parameters need literal text
// between them; constraints must compile. Errors wrap [ErrInvalidTemplate].
func NewTemplate(pattern string, parts []Part, opts ...TemplateOption) (*Template, error) {
	t := &Template{pattern: pattern}
	for _, o := range opts {
		o(t)
	}
	for i := 0; i < len(t.unroutable); i++ {
		c := t.unroutable[i]
		t.unroutBits[c>>6] |= 1 << (c & 63)
	}
	if len(parts) == 0 || parts[0].kind != kindLiteral || !strings.HasPrefix(parts[0].text, "/") {
		return nil, templateErr(pattern, "a path pattern must start with literal text beginning with /")
	}
	if err := t.compile(parts); err != nil {
		return nil, err
	}
	return t, nil
}

// NewHostTemplate compiles a host pattern ("{sub}.example.com",
// gorilla/mux's Host). Its parameters take host labels: letters, digits and
// inner hyphens (RFC 1123), never escaped. Wildcards and optional parameters
// are not allowed.
func NewHostTemplate(pattern string, parts []Part) (*Template, error) {
	t := &Template{pattern: pattern, host: true}
	if len(parts) == 0 {
		return nil, templateErr(pattern, "empty host pattern")
	}
	for _, p := range parts {
		if p.kind == kindWildcard || p.optional {
			return nil, templateErr(pattern, "a host pattern takes only literal text and parameters")
		}
	}
	if err := t.compile(parts); err != nil {
		return nil, err
	}
	return t, nil
}

// maxParts bounds a template, so that a build can track its parts in a
// bitmask.
const maxParts = 64

func (t *Template) compile(parts []Part) error {
	if len(parts) > maxParts {
		return templateErr(t.pattern, fmt.Sprintf("more than %d parts", maxParts))
	}
	seen := map[string]bool{}
	for i, p := range parts {
		cp := compiledPart{Part: p}
		switch p.kind {
		case kindLiteral:
			if p.text == "" {
				continue
			}
			if n := len(t.parts); n > 0 && t.parts[n-1].kind == kindLiteral {
				t.parts[n-1].text += p.text
				t.literalLen += len(p.text)
				continue
			}
			t.literalLen += len(p.text)
		case kindParam, kindWildcard:
			if p.text == "" {
				return templateErr(t.pattern, "a parameter has no name")
			}
			if seen[p.text] {
				return templateErr(t.pattern, fmt.Sprintf("parameter %q appears twice", p.text))
			}
			seen[p.text] = true
			if p.alias != "" {
				if seen[p.alias] {
					return templateErr(t.pattern, fmt.Sprintf("alias %q of parameter %q names another parameter", p.alias, p.text))
				}
				seen[p.alias] = true
			}
			if p.kind == kindWildcard && i != len(parts)-1 {
				return templateErr(t.pattern, fmt.Sprintf("wildcard %q is not last", p.text))
			}
			if n := len(t.parts); n > 0 && t.parts[n-1].kind != kindLiteral {
				return templateErr(t.pattern, fmt.Sprintf("parameters %q and %q have no literal text between them", t.parts[n-1].text, p.text))
			}
			if p.taken != nil {
				// A copy: the Part the adapter holds may be reused in
				// another template.
				ts := *p.taken
				if err := ts.compile(); err != nil {
					return templateErr(t.pattern, fmt.Sprintf("parameter %q: %v", p.text, err))
				}
				cp.taken = &ts
			}
			if p.constraint != "" {
				re, err := regexp.Compile(`^(?:` + p.constraint + `)$`)
				if err != nil {
					return templateErr(t.pattern, fmt.Sprintf("constraint of %q: %v", p.text, err))
				}
				cp.re = re
			}
			t.params = append(t.params, p.text)
		}
		t.parts = append(t.parts, cp)
	}
	// A parameter followed by literal text in the same segment ends, in most
	// routers, at the first byte of that text.
	for i := range t.parts {
		if t.parts[i].kind == kindParam && i+1 < len(t.parts) {
			if next := t.parts[i+1].text; next != "" && next[0] != '/' {
				t.parts[i].stop = next[0]
			}
		}
	}
	return nil
}

// Pattern returns the framework's text of the pattern, as given.
func (t *Template) Pattern() string { return t.pattern }

// Params returns the names of the template's parameters, in order. The
// slice is shared: do not modify it.
func (t *Template) Params() []string { return t.params }

// Build returns the path for the given parameter values: pairs are key,
// value, key, value... Keys the template does not use are an error here
// (use a [Route] to turn them into a query string). It is the function every
// adapter's URLs go through; see [Route.Build] for the rules.
func (t *Template) Build(pairs ...string) (string, error) {
	r := Route{Name: t.pattern, Pattern: t.pattern, Path: t, strict: true}
	return r.Build("", &Request{Pairs: pairs})
}
