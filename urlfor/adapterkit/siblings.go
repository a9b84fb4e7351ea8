package adapterkit

import (
	"regexp"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// CandidateKind says how a [Candidate] describes values.
type CandidateKind uint8

// The kinds of candidates, as [urlfor.Taken] can say them.
const (
	Exact    CandidateKind = iota // the value Value
	Prefix                        // every value that starts with Value
	Matching                      // every value the regexp Value matches whole
)

// Candidate is a set of values of one parameter that a sibling route may
// take: what [Siblings] finds in the patterns alone, before the router is
// asked ([Confirm]) or the adapter's model of its router decides.
type Candidate struct {
	Kind  CandidateKind
	Value string // the value, the prefix, or the regexp
	// Sample is one value of the set, to ask the router with: Value for
	// Exact, Value plus a value the sibling's next parameter accepts for
	// Prefix, a value the regexp matches for Matching ("" when none could
	// be made).
	Sample string
	By     string // the sibling route, as its Shape names it
	Fold   bool   // compare ignoring ASCII case
	// Proper, on a Prefix, spares the prefix alone: set it where the
	// router never gives the sibling's next parameter an empty value.
	Proper bool
}

// Siblings returns the values of token i (a parameter or wildcard) of
// routes[r] that another route of routes may take: the values that make
// the URL of routes[r] also match that route's pattern. A sibling is
// considered when it shares routes[r]'s tokens before i-1 and its literal
// at i-1 starts with routes[r]'s (the same node of a radix tree, or the
// same text for a router that tries routes in order):
//
//	route            sibling             candidate
//	/posts/{id}      /posts/new          Exact "new"
//	/e/{id}.json     /e/new.json         Exact "new"
//	/items/{id}      /items/draft-{n}    Prefix "draft-"
//	/r/{id}          /r/{y:[0-9]+}       Matching "[0-9]+"
//	/f/{rest...}     /f/readme           Exact "readme"
//	/f/{rest...}     /f/{id}             Matching "[^/]+"
//	/f/{rest...}     /f/                 Exact "" (no sample: kept by Confirm)
//
// With fold, literal text is compared ignoring ASCII case (fiber). The
// candidates over-approximate what a router does (precedence, methods and
// constraints of the rest of the path are not modelled): an adapter whose
// router can be asked filters them with [Confirm]; one whose router cannot
// (gin, fiber) keeps the candidates its model of the router's precedence
// says, for an order-based router only the routes registered before
// routes[r]. Each candidate is returned once per sibling.
func Siblings(routes []Shape, r, i int, fold bool) []Candidate {
	rt := routes[r].Tokens
	if !competing(rt, i) {
		return nil
	}
	var out []Candidate
	for ci, c := range routes {
		if ci != r && near(rt, i, c.Tokens, fold) {
			out = appendSibling(out, rt, i, c, fold)
		}
	}
	return out
}

// competing reports whether token i of rt is one Siblings looks at: a
// parameter or wildcard after a literal.
func competing(rt []Token, i int) bool {
	return i >= 1 && i < len(rt) && !rt[i].isLiteral() && rt[i-1].isLiteral()
}

// near reports whether ct is at the node of token i of rt: the same tokens
// before i-1, and a literal at i-1 that starts with rt's.
func near(rt []Token, i int, ct []Token, fold bool) bool {
	return len(ct) >= i && ct[i-1].isLiteral() && hasPrefix(ct[i-1].Literal, rt[i-1].Literal, fold) && samePrefix(rt[:i-1], ct[:i-1], fold)
}

// appendSibling appends the candidate of the sibling c of token i of rt,
// if it takes any value.
func appendSibling(out []Candidate, rt []Token, i int, c Shape, fold bool) []Candidate {
	if cand, ok := compete(rt, i, c.Tokens[i-1].Literal[len(rt[i-1].Literal):], c.Tokens[i:], fold); ok {
		cand.By, cand.Fold = c.By, fold && cand.Kind != Matching
		out = append(out, cand)
	}
	return out
}

// compete finds what the sibling whose tokens after r's literal are t (the
// rest of its literal) and crest takes from token i of r.
func compete(r []Token, i int, t string, crest []Token, fold bool) (Candidate, bool) {
	tok, rrest := r[i], r[i+1:]
	if t == "" {
		// The same node: a sibling that ends here takes a wildcard's empty
		// value; otherwise only a parameter of the sibling competes.
		if len(crest) == 0 && tok.Wildcard {
			return Candidate{Kind: Exact, Value: ""}, true
		}
		if len(crest) == 0 || crest[0].isLiteral() || crest[0].Wildcard {
			return Candidate{}, false
		}
		p := crest[0]
		switch {
		case tok.Wildcard:
			re := tokensRE(crest)
			return Candidate{Kind: Matching, Value: re, Sample: sample(re)}, true
		case p.Constraint != "" && p.Constraint != tok.Constraint && compatible(rrest, crest[1:], fold):
			return Candidate{Kind: Matching, Value: p.Constraint, Sample: sample(p.Constraint)}, true
		}
		return Candidate{}, false
	}
	if tok.Wildcard {
		if len(crest) == 0 {
			return Candidate{Kind: Exact, Value: t, Sample: t}, true
		}
		return Candidate{Kind: Prefix, Value: t, Sample: t + sampleToken(crest[0])}, true
	}
	// A parameter's value ends at its tail byte: "/", or the first byte of
	// the literal after it.
	stop := byte('/')
	if len(rrest) > 0 {
		stop = rrest[0].Literal[0]
	}
	if j := strings.IndexByte(t, stop); j >= 0 {
		v := t[:j]
		rest := append([]Token{Lit(t[j:])}, crest...)
		if v != "" && compatible(rrest, rest, fold) {
			return Candidate{Kind: Exact, Value: v, Sample: v}, true
		}
		return Candidate{}, false
	}
	switch {
	case len(crest) == 0:
		if len(rrest) == 0 {
			return Candidate{Kind: Exact, Value: t, Sample: t}, true
		}
	case compatible(append([]Token{P("_")}, rrest...), crest, fold):
		return Candidate{Kind: Prefix, Value: t, Sample: t + sampleToken(crest[0])}, true
	}
	return Candidate{}, false
}

func samePrefix(a, b []Token, fold bool) bool {
	for k := range a {
		x, y := a[k], b[k]
		switch {
		case x.isLiteral() != y.isLiteral() || x.Wildcard != y.Wildcard:
			return false
		case x.isLiteral() && !(x.Literal == y.Literal || fold && strings.EqualFold(x.Literal, y.Literal)):
			return false
		}
	}
	return true
}

// tokensRE is a regexp of the text the tokens match.
func tokensRE(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		switch {
		case t.isLiteral():
			b.WriteString(regexp.QuoteMeta(t.Literal))
		case t.Wildcard:
			b.WriteString(`.*`)
		case t.Constraint != "":
			b.WriteString(`(?:` + t.Constraint + `)`)
		default:
			b.WriteString(`[^/]+`)
		}
	}
	return b.String()
}

func sampleToken(t Token) string {
	switch {
	case t.isLiteral():
		return t.Literal
	case t.Constraint != "":
		return sample(t.Constraint)
	}
	return "x"
}

// Confirm asks the router about each candidate and keeps those it confirms:
// reaches(v) must say whether a URL of the route with value v for the
// parameter reaches another route (the router's own lookup: echo's
// Router.Find, chi's Mux.Find, http.ServeMux.Handler, gorilla's
// Router.Match). A candidate is asked with its Sample; one without a
// sample is kept (the safe side).
func Confirm(cands []Candidate, reaches func(v string) bool) []Candidate {
	out := cands[:0:0]
	for _, c := range cands {
		if c.Sample == "" || reaches(c.Sample) {
			out = append(out, c)
		}
	}
	return out
}

// Takens turns candidates into the [urlfor.Taken] sets of a parameter, one
// per sibling route, for [urlfor.Part.TakenBy].
func Takens(cands []Candidate) []urlfor.Taken {
	var out []urlfor.Taken
	at := map[[3]any]int{}
	for _, c := range cands {
		key := [3]any{c.By, c.Fold, c.Proper}
		k, ok := at[key]
		if !ok || c.Kind == Matching && out[k].Matching != "" {
			at[key] = len(out)
			k = len(out)
			out = append(out, urlfor.Taken{By: c.By, Fold: c.Fold, Proper: c.Proper})
		}
		switch c.Kind {
		case Exact:
			out[k].Values = append(out[k].Values, c.Value)
		case Prefix:
			out[k].Prefixes = append(out[k].Prefixes, c.Value)
		case Matching:
			out[k].Matching = c.Value
		}
	}
	return out
}
