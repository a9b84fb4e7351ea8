package urlfor

import (
	"fmt"
	"regexp"
	"strings"
)

// Taken says which values of a parameter (or wildcard) the router sends to
// another route of the app, so that a URL built with one of them would reach
// that route instead: most routers prefer a static segment to a parameter
// (echo, gin and chi's radix trees, ServeMux's most specific pattern), so
// with "/posts/new" registered beside "/posts/{id}", id "new" never reaches
// the second; gorilla/mux and fiber try routes in order, so an earlier
// "/items/draft-{n}" takes every id that starts with "draft-", and an
// earlier "/r/{y:[0-9]+}" every id of digits.
//
// An adapter works the sets out from its router (ask the router where it
// can, see package adapterkit) and attaches them with [Part.TakenBy]; a
// build refuses a taken value with a [*ParamError] whose TakenBy names the
// route. A value is taken when it is one of Values, starts with one of
// Prefixes, is matched whole by Matching, or, with NonEmpty, is not empty.
// On a [Wildcard], the value is compared whole, after a [Part.SlashPrefixed]
// "/" is dropped.
type Taken struct {
	// By names the route that takes the values, as messages show it:
	// "GET /posts/new", or "the app mounted at /api".
	By string
	// Values are taken exactly.
	Values []string
	// Prefixes take every value that starts with one of them.
	Prefixes []string
	// Proper limits Prefixes to values longer than the prefix: the
	// sibling's parameter after it is never empty (gin, fiber), so the
	// prefix alone still reaches this route.
	Proper bool
	// Matching takes every value that this regexp (RE2 syntax, anchored
	// for you) matches whole: the constraint of a competing parameter.
	Matching string
	// NonEmpty takes every value but "" (a wildcard beside a parameter
	// route, which takes any non-empty first segment).
	NonEmpty bool
	// Fold compares Values and Prefixes ignoring ASCII letter case, for
	// routers that match static text that way (fiber by default).
	Fold bool
}

// TakenBy adds sets of values that other routes take (see [Taken]). It may
// be called more than once; the sets add up.
func (p Part) TakenBy(sets ...Taken) Part {
	t := &takenSet{}
	if p.taken != nil {
		t.sets = append(t.sets, p.taken.sets...)
	}
	for _, s := range sets {
		s.Values = append([]string(nil), s.Values...)
		s.Prefixes = append([]string(nil), s.Prefixes...)
		t.sets = append(t.sets, s)
	}
	p.taken = t
	return p
}

// takenSet is the compiled form of a part's Taken sets, laid out so that
// the common case (a few exact values) costs a few string comparisons and
// a set of hundreds one map lookup.
type takenSet struct {
	sets     []Taken
	exact    []takenValue
	exactMap map[string]string // value -> By, when exact is long
	fold     []takenValue
	prefix   []takenValue // fold per entry
	match    []takenRE
	nonEmpty string // By of a NonEmpty set
	anyEmpty bool   // a NonEmpty set exists
}

type takenValue struct {
	v, by        string
	fold, proper bool
}

type takenRE struct {
	re      *regexp.Regexp
	by, src string
}

// exactMapMin is the number of exact values from which a map beats a loop
// of comparisons (measured with BenchmarkTaken: about 8 short strings).
const exactMapMin = 8

// compile prepares the set; errors are for NewTemplate to report.
func (t *takenSet) compile() error {
	t.exact, t.exactMap, t.fold, t.prefix, t.match = nil, nil, nil, nil, nil
	for _, s := range t.sets {
		for _, v := range s.Values {
			if s.Fold {
				t.fold = append(t.fold, takenValue{v: v, by: s.By, fold: true})
			} else {
				t.exact = append(t.exact, takenValue{v: v, by: s.By})
			}
		}
		for _, v := range s.Prefixes {
			t.prefix = append(t.prefix, takenValue{v: v, by: s.By, fold: s.Fold, proper: s.Proper})
		}
		if s.Matching != "" {
			re, err := regexp.Compile(`^(?:` + s.Matching + `)$`)
			if err != nil {
				return fmt.Errorf("values taken by %q: %v", s.By, err)
			}
			t.match = append(t.match, takenRE{re: re, by: s.By, src: s.Matching})
		}
		if s.NonEmpty && !t.anyEmpty {
			t.anyEmpty, t.nonEmpty = true, s.By
		}
	}
	if len(t.exact) >= exactMapMin {
		t.exactMap = make(map[string]string, len(t.exact))
		for _, e := range t.exact {
			if _, dup := t.exactMap[e.v]; !dup {
				t.exactMap[e.v] = e.by
			}
		}
		t.exact = nil
	}
	return nil
}

// check returns why v is taken and by which route, or "" and "".
func (t *takenSet) check(v string) (why, by string) {
	if t.exactMap != nil {
		if by, ok := t.exactMap[v]; ok {
			return t.reason(by, ""), by
		}
	}
	for i := range t.exact {
		if t.exact[i].v == v {
			return t.reason(t.exact[i].by, ""), t.exact[i].by
		}
	}
	for i := range t.fold {
		if strings.EqualFold(t.fold[i].v, v) {
			return t.reason(t.fold[i].by, ""), t.fold[i].by
		}
	}
	for i := range t.prefix {
		e := &t.prefix[i]
		if len(v) >= len(e.v) && !(e.proper && len(v) == len(e.v)) && (v[:len(e.v)] == e.v || e.fold && strings.EqualFold(v[:len(e.v)], e.v)) {
			return t.reason(e.by, fmt.Sprintf("starts with %q, so it ", e.v)), e.by
		}
	}
	if t.anyEmpty && v != "" {
		return t.reason(t.nonEmpty, "is not empty, so it "), t.nonEmpty
	}
	for i := range t.match {
		if t.match[i].re.MatchString(v) {
			return t.reason(t.match[i].by, fmt.Sprintf("matches %q, so it ", t.match[i].src)), t.match[i].by
		}
	}
	return "", ""
}

func (t *takenSet) reason(by, lead string) string {
	if by == "" {
		return lead + "is taken by another route of the app"
	}
	return fmt.Sprintf("%sreaches %q instead", lead, by)
}
