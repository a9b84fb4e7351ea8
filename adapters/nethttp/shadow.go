package partyhttp

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Values other routes take. ServeMux serves the most specific pattern,
// whatever the order: beside "GET /posts/new", id "new" of "GET /posts/{id}"
// reaches the first. Its rules (net/http/routing_tree.go, pinned by
// TestServeMuxPrecedence) are not modelled: [adapterkit.Siblings] finds
// what a pattern of the same host and the same segments before the wildcard
// may take, and [http.ServeMux.Handler], which runs no handler, confirms it
// ([adapterkit.Confirm]) for a URL that follows the sibling's literals.
// Also asked: an empty "{name...}" ("{$}" beats it), and values below a
// subtree without their "/" (ServeMux redirects "/f/readme" to
// "/f/readme/"). urlfor refuses invite paths. Gaps: a host pattern takes
// values only on its host, which a path URL does not name; HEAD prefers a
// "HEAD" pattern; a value taken only with some value of another parameter
// ("/a/foo/new" beside "/a/{x}/{y}") is refused for the first (x "foo").

// bucket is the entries that share a host and the structure of their
// segments before one, and have a literal ("L") or a "{name}" ("W") there:
// the only siblings [adapterkit.Siblings] finds for a wildcard there.
type bucket struct {
	entries []*entry
	shapes  []adapterkit.Shape
}

// resolve returns the routes of m.entries with the values other routes take
// refused; routes without refusals are their entry's. The caller holds m.mu.
func (m *ServeMux) resolve() []urlfor.Route {
	buckets := map[string]bucket{}
	for _, e := range m.entries {
		key := e.host + "\x01"
		for _, s := range e.segs {
			if c := key + s.structure()[:1]; s.kind == segLit || s.kind == segSingle {
				b := buckets[c]
				b.entries, b.shapes = append(b.entries, e), append(b.shapes, e.shape)
				buckets[c] = b
			}
			key += s.structure()
		}
	}
	out := make([]urlfor.Route, len(m.entries))
	for n, e := range m.entries {
		var parts []urlfor.Part
		key := e.host + "\x01"
		for k, s := range e.segs {
			if t := m.taken(e, k, buckets[key+"L"], buckets[key+"W"]); t != nil {
				if parts == nil {
					parts = slices.Clone(e.parts)
				}
				parts[s.tok] = parts[s.tok].TakenBy(t...)
			}
			key += s.structure()
		}
		if out[n] = e.base; parts != nil {
			out[n] = e.build(parts)
		}
	}
	return out
}

// structure is what two patterns share at one segment when ServeMux's tree
// tries them at the same node: the literal, or a wildcard.
func (s seg) structure() string {
	if s.kind == segLit {
		return "L" + s.text + "\x00"
	}
	return "W\x00"
}

// taken returns the values of e's segment k (a wildcard) that ServeMux
// sends to other routes, of those with a literal or a "{name}" there; nil
// for a literal.
func (m *ServeMux) taken(e *entry, k int, lits, singles bucket) []urlfor.Taken {
	switch e.segs[k].kind {
	case segLit, segDollar:
		return nil
	case segSingle:
		singles = bucket{}
	}
	entries := slices.Concat([]*entry{e}, lits.entries, singles.entries)
	var out []adapterkit.Candidate
	for _, c := range adapterkit.Siblings(slices.Concat([]adapterkit.Shape{e.shape}, lits.shapes, singles.shapes), 0, e.segs[k].tok, false) {
		sib := entries[slices.IndexFunc(entries, func(x *entry) bool { return x.base.Pattern == c.By })]
		out = append(out, adapterkit.Confirm(withTwin(c), func(v string) bool {
			return m.reached(e, k, v, sib) != e.base.Pattern
		})...)
	}
	if e.segs[k].kind == segMulti {
		if by := m.reached(e, k, "", nil); by != e.base.Pattern {
			out = append(out, adapterkit.Candidate{Kind: adapterkit.Exact, By: by})
		}
	}
	return adapterkit.Takens(out)
}

// withTwin returns c, with the "/" that [assemble] masked in a literal put
// back ("/a%2Fb" takes "a/b"), and for values below a subtree ("readme/..."),
// the same without that "/", which ServeMux redirects to the subtree.
func withTwin(c adapterkit.Candidate) []adapterkit.Candidate {
	if c.Kind != adapterkit.Matching {
		c.Value, c.Sample = strings.ReplaceAll(c.Value, "\xff", "/"), strings.ReplaceAll(c.Sample, "\xff", "/")
	}
	twin := c
	switch {
	case c.Kind == adapterkit.Prefix && strings.HasSuffix(c.Value, "/"):
		twin.Kind, twin.Value = adapterkit.Exact, strings.TrimSuffix(c.Value, "/")
		twin.Sample = twin.Value
	case c.Kind == adapterkit.Matching && strings.HasSuffix(c.Value, "/.*"):
		twin.Value = strings.TrimSuffix(c.Value, "/.*")
		twin.Sample = adapterkit.Sample(twin.Value)
	default:
		return []adapterkit.Candidate{c}
	}
	return []adapterkit.Candidate{c, twin}
}

// reached asks ServeMux which pattern a request for e's URL reaches, with v
// at segment k and, at e's other wildcards, what sib has there (so that the
// URL is the sibling's wherever it can be). It returns the pattern, the
// path a redirect leads to, or "" (404, 405).
func (m *ServeMux) reached(e *entry, k int, v string, sib *entry) string {
	var path []string
	for j, s := range e.segs {
		src := []seg{s}
		if s.kind != segLit && sib != nil && j < len(sib.segs) {
			if src = sib.segs[j:]; s.kind == segSingle { // a "{name...}" takes the rest
				src = src[:1]
			}
		}
		switch {
		case j == k && s.kind == segMulti:
			path = append(path, strings.Split(v, "/")...)
		case j == k:
			path = append(path, v)
		default:
			path = append(path, spell(src)...)
		}
	}
	raw := slices.Clone(path)
	for j := range raw {
		raw[j] = escapeSegment(raw[j])
	}
	method := e.base.Method
	if sib != nil {
		method = cmp.Or(method, sib.base.Method)
	}
	u := &url.URL{Path: "/" + strings.Join(path, "/"), RawPath: "/" + strings.Join(raw, "/")}
	_, pattern := m.mux.Handler(&http.Request{Method: cmp.Or(method, http.MethodGet), Host: e.host, URL: u})
	return pattern
}

// spell returns the segments of a path that segs match: literals, "~p~"
// for a "{name}", nothing for "{$}" and a "{name...}".
func spell(segs []seg) []string {
	out := make([]string, len(segs))
	for j, s := range segs {
		switch s.kind {
		case segLit:
			out[j] = s.text
		case segSingle:
			out[j] = "~p~"
		}
	}
	return out
}
