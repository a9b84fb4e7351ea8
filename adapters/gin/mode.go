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
//	rawUnescape      URL.RawPath when set, else Path     decoded values (url.QueryUnescape: "+" is a space)
//	rawKeep          URL.RawPath when set, else Path     raw values when RawPath is set, decoded ones otherwise
//	escapedUnescape  URL.EscapedPath()                   decoded values (url.QueryUnescape)
//	escapedKeep      URL.EscapedPath()                   raw values, always
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

// unroutable lists the bytes a :param value may not hold in this mode; a
// *catch-all may not hold them but "/".
//
// "/" is refused in every mode. In the default mode gin matches the decoded
// path, where "%2F" is a separator, so the value could never come back. In
// the raw modes gin could route "%2F", but what is in front of gin may not:
// http.ServeMux cleans the decoded path and redirects when "%2F" makes an
// empty or dot segment, Apache refuses "%2F" (AllowEncodedSlashes Off) and
// proxies that normalise decode it. "+" is refused where gin unescapes raw
// values with url.QueryUnescape, which turns the "+" we leave raw (RFC 3986
// allows it in a segment) into a space. "%" is refused in rawKeep, where a
// handler gets the raw value only when the request had a RawPath:
// unescaping a decoded value that holds "%" would change it.
func (m pathMode) unroutable() string {
	return [...]string{"/", "/+", "/%", "/+", "/"}[m]
}

// catchAllConstraint is the constraint on a *catch-all's value in this
// mode: urlfor's Unroutable covers parameters only.
func (m pathMode) catchAllConstraint() string {
	if u := m.unroutable(); len(u) > 1 {
		return "[^" + u[1:] + "]*"
	}
	return ""
}

// templateOptions are the urlfor template options of the mode.
func (m pathMode) templateOptions() []urlfor.TemplateOption {
	return []urlfor.TemplateOption{urlfor.Unroutable(m.unroutable())}
}

// checkLiterals refuses, in the modes that match the raw or escaped path,
// a pattern whose literal text holds a byte clients percent-encode (a
// space, non-ASCII, ...): gin compares the raw text of the request with the
// literal, so a request sent with such a byte encoded does not match. In
// the default mode gin matches the decoded path and any literal works.
func (m pathMode) checkLiterals(pattern string, toks []adapterkit.Token) error {
	for _, t := range toks {
		for i := 0; i < len(t.Literal) && m != modeDecoded; i++ {
			if c := t.Literal[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"#%<>?[\]^`+"`{|}", c) >= 0 {
				return fmt.Errorf("%w %q: partygin: the literal byte %q is percent-encoded by clients, and with %s gin matches the raw path, so no URL reaches it reliably",
					urlfor.ErrInvalidTemplate, pattern, c, m)
			}
		}
	}
	return nil
}
