package partyechov5

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// echo's router (but in decodedPath mode) matches the request's RawPath
// when it has one and the decoded Path otherwise, comparing its static
// text with that. net/url keeps a RawPath only when the client's escaping
// differs from its own; urlfor escapes values as net/url does but for "/"
// inside one segment ("%2F"), and compile writes static text as net/url
// does. So a URL partyechov5 builds has a RawPath exactly when a
// one-segment value holds "/", and then echo meets static text as it is
// written in the URL.

// asNetURL is the static text s of a path as net/url writes it
// (url.URL.EscapedPath): "/caf%C3%A9" for "/café", "/c%2520d" for "/c%20d".
func asNetURL(s string) string {
	return (&url.URL{Path: s}).EscapedPath()
}

// plain reports whether net/url writes the static text s as it is
// ("/posts/new", "/a:b"), so that echo meets it in a RawPath too.
func plain(s string) bool { return asNetURL(s) == s }

// inNetURL reports whether s can stand in a path that net/url wrote, as
// in every URL partyechov5 builds: s holds no byte net/url escapes, and its
// escapes ("%2F", "%20") are upper-case, of bytes net/url escapes or "/";
// one cut at its end ("%", "%2") may go on after it. "%41b", "%2f" and
// "café" cannot.
func inNetURL(s string) bool {
	upperHex := func(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] != '%':
			if !plain(s[i : i+1]) {
				return false
			}
		case i+1 < len(s) && !upperHex(s[i+1]), i+2 < len(s) && !upperHex(s[i+2]):
			return false
		case i+2 < len(s):
			if b, _ := url.PathUnescape(s[i : i+3]); b != "/" && plain(b) {
				return false
			}
			i += 2
		}
	}
	return true
}

// decodedForm is candidate c of a parameter (a wildcard with star) as the
// decoded path meets it. A Prefix that takes no value as a RawPath meets
// it (its text is not as urlfor writes it, "%41b", "c d"; or meetsRaw is
// false: the sibling's static text is never in a RawPath) takes no value
// that holds "/" in one segment, which gives the URL a RawPath. In a route
// with decoded (not plain) static text such values are refused anyway.
func decodedForm(c adapterkit.Candidate, star, decoded, meetsRaw bool) adapterkit.Candidate {
	if c.Kind != adapterkit.Prefix || star || decoded {
		return c
	}
	if w, ok := written(c.Value, star); ok && w == c.Value && meetsRaw {
		return c
	}
	c.Kind, c.Value = adapterkit.Matching, regexp.QuoteMeta(c.Value)+cmpOr(c.Proper, "[^/]+", "[^/]*")
	return c
}

// rawForm is candidate c as a RawPath meets it: the values that urlfor
// writes as c's escaped text ("c d" for "c%20d", "a/b" for "a%2Fb");
// false when no value is written so ("%41b": urlfor writes "Ab" raw).
func rawForm(c adapterkit.Candidate, star bool) (adapterkit.Candidate, bool) {
	if c.Kind == adapterkit.Matching || !strings.Contains(c.Value, "%") {
		return c, false
	}
	d, err := url.PathUnescape(c.Value)
	if w, ok := written(d, star); err != nil || !ok || w != c.Value {
		return c, false
	}
	c.Value = d
	return c, true
}

// writers are the templates written builds with: one parameter, one
// wildcard.
var writers = func() (w [2]*urlfor.Template) {
	for i, p := range []urlfor.Part{urlfor.Param("v"), urlfor.Wildcard("v")} {
		w[i], _ = urlfor.NewTemplate("/{v}", []urlfor.Part{urlfor.Literal("/"), p})
	}
	return w
}()

// written is how urlfor writes v, or the start of a value that starts
// with v, in a parameter (a wildcard with star); false when it refuses v.
// The "_" after v spares a prefix that alone would be refused ("", ".").
func written(v string, star bool) (string, bool) {
	t := writers[cmpOr(star, 1, 0)]
	if t == nil {
		return "", false
	}
	u, err := t.Build("v", v+"_")
	if err != nil {
		return "", false
	}
	return u[1 : len(u)-1], true
}
