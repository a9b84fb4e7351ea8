package adaptertest

import (
	"regexp"
	"strings"
)

// ordinary values every parameter is tried with besides what its siblings
// suggest; "/" variants because a trailing slash is a route of its own in
// some routers and cleaned away in others.
var ordinary = []string{"x1", "abc", "7", "x1/"}

// multiSegment values, tried for wildcards and for parameters beside one.
var multiSegment = []string{"a/b", "a/b/c", "x1/y"}

// probes are what a constrained sibling is asked about: those its
// constraint matches are values that sibling may take.
var probes = []string{"0", "7", "2024", "x", "abc", "new", "a-b", "1.5"}

// candidates returns the values to try for p, a parameter of r, among the
// routes of a scenario: ordinary values, and what every other route spells
// where p sits (the value that would make r's URL also a URL of the
// other): its literal, in other letter cases, with a trailing slash and a
// segment below; its literal prefix alone and followed by a sample
// ("draft-1" for "draft-{n}"); the probes its constraint matches ("2024"
// for "{y:[0-9]+}"); and, beside a wildcard, values of several segments.
// Where p has literal text around it in its segment ("{id}.json"), a
// sibling's literal that fits ("new.json") is tried without that text
// ("new"), since that is the value that spells it. Patterns are split on
// "/", which the suite's scenario constraints do not hold.
func candidates(routes []Route, r Route, p Param) []string {
	segs := strings.Split(string(r.Pattern), "/")
	at, pre, suf := locate(segs, p)
	out := append([]string(nil), ordinary...)
	if p.Wildcard {
		out = append(out, multiSegment...)
	}
	add := func(w string) {
		for _, v := range caseVariants(w) {
			out = append(out, v, v+"/", v+"/x")
			if len(v) >= len(pre)+len(suf) && strings.HasPrefix(v, pre) && strings.HasSuffix(v, suf) {
				out = append(out, v[len(pre):len(v)-len(suf)])
			}
		}
	}
	for _, o := range routes {
		if o.Pattern == r.Pattern {
			continue
		}
		osegs := strings.Split(string(o.Pattern), "/")
		if at >= len(osegs) {
			continue
		}
		text := osegs[at]
		if p.Wildcard {
			text = strings.Join(osegs[at:], "/")
		}
		pieces, ok := parse(Pattern(text))
		if !ok {
			continue
		}
		if len(pieces) > 0 && pieces[0].param == nil && len(pieces) > 1 {
			add(pieces[0].lit) // the literal prefix alone: "draft-"
		}
		for _, w := range expand(pieces) {
			add(w)
		}
		for _, pc := range pieces {
			if pc.param != nil && pc.param.Wildcard {
				out = append(out, multiSegment...)
			}
		}
	}
	return dedupe(out)
}

// locate finds the segment of p in segs and the literal text around p in
// it. A wildcard's segment is where the remainder starts.
func locate(segs []string, p Param) (at int, pre, suf string) {
	for i, seg := range segs {
		pieces, ok := parse(Pattern(seg))
		if !ok {
			continue
		}
		for j, pc := range pieces {
			if pc.param == nil || pc.param.Name != p.Name {
				continue
			}
			if j > 0 && pieces[j-1].param == nil {
				pre = pieces[j-1].lit
			}
			if j+1 < len(pieces) && pieces[j+1].param == nil {
				suf = pieces[j+1].lit
			}
			return i, pre, suf
		}
	}
	return len(segs) - 1, "", ""
}

// expand spells a sibling's text with sample values in its parameters: a
// plain one takes "1" and "x", a constrained one the probes its regexp
// matches, a wildcard "a/b".
func expand(pieces []piece) []string {
	words := []string{""}
	for _, pc := range pieces {
		var alts []string
		switch {
		case pc.param == nil:
			alts = []string{pc.lit}
		case pc.param.Wildcard:
			alts = []string{"x", "a/b"}
		case pc.param.Re != "":
			alts = matching(pc.param.Re)
		default:
			alts = []string{"1", "x"}
		}
		var next []string
		for _, w := range words {
			for _, a := range alts {
				next = append(next, w+a)
			}
		}
		words = next
	}
	return words
}

// matching returns the probes re matches whole, as routers anchor
// constraints (gorilla/mux, chi: ^(?:re)$).
func matching(re string) []string {
	rx, err := regexp.Compile("^(?:" + re + ")$")
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range probes {
		if rx.MatchString(p) {
			out = append(out, p)
		}
	}
	return out
}

// caseVariants is w, lower, upper and capitalised: routers disagree on
// whether literals match case-insensitively (fiber does by default).
func caseVariants(w string) []string {
	if w == "" {
		return nil
	}
	title := strings.ToUpper(w[:1]) + w[1:]
	return dedupe([]string{w, strings.ToLower(w), strings.ToUpper(w), title})
}
