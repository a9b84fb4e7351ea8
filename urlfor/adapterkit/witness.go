package adapterkit

import (
	"regexp"
	"slices"
	"strings"
)

// ElemClass says which bytes an [Elem] matches.
type ElemClass uint8

// The classes of bytes an [Elem] matches.
const (
	OneByte  ElemClass = iota // the byte Elem.Byte
	NotSlash                  // any byte but "/"
	AnyByte                   // any byte
)

// Elem matches one byte of a path, or with Star any number of them
// (none included). A route pattern, as its router matches paths, is a
// sequence of elems: a literal is its bytes, a parameter that must not be
// empty is {NotSlash} then {NotSlash, Star}, a wildcard {AnyByte, Star}.
// Adapters spell their router's matching rules in elems (a parameter that
// may be empty mid-route, one that takes the rest of the path at a leaf)
// and ask [Witness] for a path that two of them both match, to ask the
// router where that path goes.
type Elem struct {
	Byte  byte // for OneByte
	Class ElemClass
	Star  bool
}

// AppendLiteral appends the elems of the literal text s to out.
func AppendLiteral(out []Elem, s string) []Elem {
	for j := 0; j < len(s); j++ {
		out = append(out, Elem{Byte: s[j]})
	}
	return out
}

// ElemsRE is a regexp (RE2, to be matched whole) of the text els match:
// ElemsRE([]Elem{{Byte: 'a'}, {Class: NotSlash, Star: true}}) is "a[^/]*".
func ElemsRE(els []Elem) string {
	var b strings.Builder
	for _, e := range els {
		switch e.Class {
		case OneByte:
			b.WriteString(regexp.QuoteMeta(string(e.Byte)))
		case NotSlash:
			b.WriteString("[^/]")
		default:
			b.WriteString("(?s:.)")
		}
		if e.Star {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// Witness returns a path that both a and b match, false when there is
// none. Where neither decides a byte (a parameter against a parameter), it
// puts a NUL, which no route holds, so that the path stays off static
// branches that neither route has; where a starred elem may match nothing,
// it prefers one such byte to none, so that a parameter of either is not
// left empty when it need not be. The search is over the pairs of
// positions in a and b: O(len(a) * len(b)).
func Witness(a, b []Elem) (string, bool) {
	var w Witnesser
	return w.Witness(a, b)
}

// Witnesser is [Witness] with buffers kept between calls, for an adapter
// that asks about many pairs of routes at start-up. The zero value is
// ready to use; it is not safe for concurrent use.
type Witnesser struct {
	seen []bool
	out  []byte
}

// Witness is [Witness], reusing w's buffers.
func (w *Witnesser) Witness(a, b []Elem) (string, bool) {
	n := 2 * (len(a) + 1) * (len(b) + 1) // states (i, j, filled)
	w.seen, w.out = slices.Grow(w.seen[:0], n)[:n], w.out[:0]
	clear(w.seen)
	var walk func(i, j, filled int) bool
	walk = func(i, j, filled int) bool {
		if i == len(a) && j == len(b) {
			return true
		}
		if k := (i*(len(b)+1)+j)*2 + filled; w.seen[k] {
			return false
		} else {
			w.seen[k] = true
		}
		if i < len(a) && j < len(b) {
			ni, nj := i, j
			if !a[i].Star {
				ni++
			}
			if !b[j].Star {
				nj++
			}
			if c, ok := meet(a[i], b[j]); ok && (ni != i || nj != j || filled == 0) {
				w.out = append(w.out, c)
				again := 0
				if ni == i && nj == j {
					again = 1
				}
				if walk(ni, nj, again) {
					return true
				}
				w.out = w.out[:len(w.out)-1]
			}
		}
		return i < len(a) && a[i].Star && walk(i+1, j, 0) || j < len(b) && b[j].Star && walk(i, j+1, 0)
	}
	ok := walk(0, 0, 0)
	return string(w.out), ok
}

// meet is a byte that both x and y match: NUL where neither decides it.
func meet(x, y Elem) (byte, bool) {
	switch {
	case x.Class == OneByte && y.Class == OneByte:
		return x.Byte, x.Byte == y.Byte
	case x.Class == OneByte:
		return x.Byte, y.Class == AnyByte || x.Byte != '/'
	case y.Class == OneByte:
		return y.Byte, x.Class == AnyByte || y.Byte != '/'
	}
	return 0, true
}
