package partygin

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// pathMode is how an engine finds parameter values, from its flags
// (gin.go handleHTTPRequest and tree.go getValue):
//
//	mode             matches on                          a handler gets
//	decoded          URL.Path (the default)              decoded values
//	rawUnescape      URL.RawPath when set, else Path     decoded values (url.QueryUnescape of RawPath: "+" is a space)
//	rawKeep          URL.RawPath when set, else Path     raw values when RawPath is set, decoded ones otherwise
//	escapedUnescape  URL.EscapedPath()                   decoded values (url.QueryUnescape: "+" is a space)
//	escapedKeep      URL.EscapedPath()                   raw values, always
//
// net/url keeps a RawPath only when the path was not written as it writes
// paths (url.URL.EscapedPath). urlfor writes values so, so with UseRawPath
// a built URL has a RawPath only when the route's literal text (or the
// mount prefix) holds a byte that clients send raw but net/url escapes
// ([keepsRawPath]).
//
// RemoveExtraSlash, RedirectTrailingSlash and RedirectFixedPath change
// nothing for the URLs we build: the first cleans "//", "." and ".."
// segments, which Build never emits, and the others act only when no route
// matched, while a built URL matches its route exactly.
type pathMode uint8

const (
	modeDecoded pathMode = iota
	modeRawUnescape
	modeRawKeep
	modeEscapedUnescape
	modeEscapedKeep
)

// modeOf reads the engine's flags. UseEscapedPath overrides UseRawPath, as
// in gin.
func modeOf(e *gin.Engine) pathMode {
	switch {
	case e.UseEscapedPath && e.UnescapePathValues:
		return modeEscapedUnescape
	case e.UseEscapedPath:
		return modeEscapedKeep
	case e.UseRawPath && e.UnescapePathValues:
		return modeRawUnescape
	case e.UseRawPath:
		return modeRawKeep
	}
	return modeDecoded
}

// String names the mode after the flags that select it.
func (m pathMode) String() string {
	return [...]string{"decoded path (default)", "UseRawPath", "UseRawPath without UnescapePathValues",
		"UseEscapedPath", "UseEscapedPath without UnescapePathValues"}[m]
}

// rawText says whether gin matches this route's URLs on their raw text in
// this mode: always in the escaped modes, in the raw modes when the URLs
// keep a RawPath (rawPath: see [keepsRawPath]).
func (m pathMode) rawText(rawPath bool) bool {
	return m >= modeEscapedUnescape || rawPath && m != modeDecoded
}

// unroutable lists the bytes a :param value may not hold in this mode, for
// a route whose URLs keep a RawPath or not; a *catch-all may not hold them
// but "/".
//
// "/" is refused in every mode. In the default mode gin matches the decoded
// path, where "%2F" is a separator, so the value could never come back. In
// the raw modes gin could route "%2F", but what is in front of gin may not:
// http.ServeMux cleans the decoded path and redirects when "%2F" makes an
// empty or dot segment, Apache refuses "%2F" (AllowEncodedSlashes Off) and
// proxies that normalise decode it. Where gin matches the raw text: "+" is
// refused where it unescapes values with url.QueryUnescape, which turns
// the "+" we leave raw (RFC 3986 allows it in a segment) into a space; "%"
// is refused with UseRawPath without UnescapePathValues, where a handler
// gets the raw value only when the request has a RawPath (a client that
// escapes the route's literal as net/url does sends none), so the handler
// unescapes, and unescaping a decoded value that holds "%" would change it.
func (m pathMode) unroutable(rawPath bool) string {
	switch {
	case !m.rawText(rawPath):
		return "/"
	case m == modeRawKeep:
		return "/%"
	case m == modeEscapedKeep:
		return "/"
	}
	return "/+"
}

// catchAllConstraint is the constraint on a *catch-all's value in this
// mode: urlfor's Unroutable covers parameters only.
func (m pathMode) catchAllConstraint(rawPath bool) string {
	if u := m.unroutable(rawPath); len(u) > 1 {
		return "[^" + u[1:] + "]*"
	}
	return ""
}

// templateOptions are the urlfor template options of the mode.
func (m pathMode) templateOptions(rawPath bool) []urlfor.TemplateOption {
	return []urlfor.TemplateOption{urlfor.Unroutable(m.unroutable(rawPath))}
}

// Literal bytes, by what clients do with them in a path. Clients
// percent-encode clientEscaped, controls, space and non-ASCII (RFC 3986 does
// not allow them raw; "#", "?" and "%" would not even stay in the path).
// rawKept are allowed raw (RFC 3986 sub-delims, and "[]^|" that browsers
// leave raw) but net/url escapes them when it writes a path: a request
// that has them raw keeps a RawPath. Of those, Go's client escapes "^|"
// (url.URL.EscapedPath finds them invalid raw), browsers do not.
const (
	clientEscaped = "\"#%<>?\\`{}"
	rawKept       = "!'()*[]^|"
	someEscape    = "^|"
)

// keepsRawPath says whether requests for the route's URLs may keep a RawPath:
// urlfor writes the literal text as the route has it, and net/url would
// write one of its bytes escaped.
func keepsRawPath(toks []adapterkit.Token) bool {
	for _, t := range toks {
		if strings.ContainsAny(t.Literal, rawKept) {
			return true
		}
	}
	return false
}

// checkLiterals refuses a pattern whose literal text gin cannot match
// reliably where it matches raw text. In the escaped modes the request's
// text has every byte clients percent-encode encoded (and "^|" too, from
// some clients), the literal has it raw: no match. In the raw modes gin
// matches the decoded path of a request without a RawPath, so any literal
// works, unless the literal also has a byte that keeps a RawPath: then a
// browser sends one byte encoded and the other raw, and the raw text
// matches no literal. In the default mode gin matches the decoded path and
// any literal works.
func (m pathMode) checkLiterals(pattern string, toks []adapterkit.Token) error {
	if !m.rawText(keepsRawPath(toks)) {
		return nil
	}
	refused := clientEscaped
	if m >= modeEscapedUnescape {
		refused += someEscape
	}
	for _, t := range toks {
		for i := 0; i < len(t.Literal); i++ {
			if c := t.Literal[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(refused, c) >= 0 {
				return fmt.Errorf("%w %q: partygin: the literal byte %q is percent-encoded by clients, and with %s gin matches the raw text of this route's URLs, so no URL reaches it reliably",
					urlfor.ErrInvalidTemplate, pattern, c, m)
			}
		}
	}
	return nil
}
