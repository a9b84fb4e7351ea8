// Package echodialect holds what the echo v4 and v5 adapters share about
// echo's routing of raw paths: how net/url writes a path, and which forms
// of a value a static sibling route meets in a request with and without a
// RawPath. It imports no echo.
package echodialect

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// echo routes on the request's RawPath when it has one and on the decoded
// Path otherwise (echo v4's GetPath; echo v5's router but in its
// decoded-path mode), comparing its static text with that. net/url keeps a
// RawPath only when the client's escaping differs from its own; urlfor
// escapes values as net/url does but for "/" inside one segment ("%2F"),
// and the adapters write static text as net/url does. So a URL they build
// has a RawPath exactly when a one-segment value holds "/", and then echo
// meets static text as it is written in the URL.

// AsNetURL is the static text s of a path as net/url writes it
// (url.URL.EscapedPath): "/caf%C3%A9" for "/café", "/c%2520d" for "/c%20d".
func AsNetURL(s string) string {
	return (&url.URL{Path: s}).EscapedPath()
}

// Plain reports whether net/url writes the static text s as it is
// ("/posts/new", "/a:b"), so that echo meets it in a RawPath too.
func Plain(s string) bool { return AsNetURL(s) == s }

// InNetURL reports whether s can stand in a path that net/url wrote, as
// in every URL the echo adapters build: s holds no byte net/url escapes, and its
// escapes ("%2F", "%20") are upper-case, of bytes net/url escapes or "/";
// one cut at its end ("%", "%2") may go on after it. "%41b", "%2f" and
// "café" cannot.
func InNetURL(s string) bool {
	upperHex := func(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] != '%':
			if !Plain(s[i : i+1]) {
				return false
			}
		case i+1 < len(s) && !upperHex(s[i+1]), i+2 < len(s) && !upperHex(s[i+2]):
			return false
		case i+2 < len(s):
			if b, _ := url.PathUnescape(s[i : i+3]); b != "/" && Plain(b) {
				return false
			}
			i += 2
		}
	}
	return true
}

// DecodedForm is candidate c of a parameter (a wildcard with star) as the
// decoded path meets it. A Prefix that takes no value as a RawPath meets
// it (its text is not as urlfor writes it, "%41b", "c d"; or meetsRaw is
// false: the sibling's static text is never in a RawPath) takes no value
// that holds "/" in one segment, which gives the URL a RawPath. In a route
// with decoded (not plain) static text such values are refused anyway.
func DecodedForm(c adapterkit.Candidate, star, decoded, meetsRaw bool) adapterkit.Candidate {
	if c.Kind != adapterkit.Prefix || star || decoded {
		return c
	}
	if w, ok := Written(c.Value, star); ok && w == c.Value && meetsRaw {
		return c
	}
	rest := "[^/]*"
	if c.Proper {
		rest = "[^/]+"
	}
	c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(c.Value)+rest
	return c
}

// RawForm is candidate c as a RawPath meets it: the values that urlfor
// writes as c's escaped text ("c d" for "c%20d", "a/b" for "a%2Fb");
// false when no value is written so ("%41b": urlfor writes "Ab" raw).
func RawForm(c adapterkit.Candidate, star bool) (adapterkit.Candidate, bool) {
	if c.Kind == adapterkit.Matching || !strings.Contains(c.Value, "%") {
		return c, false
	}
	d, err := url.PathUnescape(c.Value)
	if w, ok := Written(d, star); err != nil || !ok || w != c.Value {
		return c, false
	}
	c.Value = d
	return c, true
}

// writers are the templates Written builds with: one parameter, one
// wildcard.
var writers = func() (w [2]*urlfor.Template) {
	for i, p := range []urlfor.Part{urlfor.Param("v"), urlfor.Wildcard("v")} {
		w[i], _ = urlfor.NewTemplate("/{v}", []urlfor.Part{urlfor.Literal("/"), p})
	}
	return w
}()

// Written is how urlfor writes v, or the start of a value that starts
// with v, in a parameter (a wildcard with star); false when it refuses v.
// The "_" after v spares a prefix that alone would be refused ("", ".").
func Written(v string, star bool) (string, bool) {
	t := writers[0]
	if star {
		t = writers[1]
	}
	if t == nil {
		return "", false
	}
	u, err := t.Build("v", v+"_")
	if err != nil {
		return "", false
	}
	return u[1 : len(u)-1], true
}
