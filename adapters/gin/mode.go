package partygin

import (
	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
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
	switch m {
	case modeRawUnescape:
		return "UseRawPath"
	case modeRawKeep:
		return "UseRawPath without UnescapePathValues"
	case modeEscapedUnescape:
		return "UseEscapedPath"
	case modeEscapedKeep:
		return "UseEscapedPath without UnescapePathValues"
	}
	return "decoded path (default)"
}

// unroutable lists the bytes a :param value may not hold in this mode.
//
// "/" is refused in every mode. In the default mode gin matches the decoded
// path, where "%2F" is a separator, so the value could never come back. In
// the raw modes gin could route "%2F", but what is in front of gin may not:
// http.ServeMux cleans the decoded path and redirects when "%2F" makes an
// empty or dot segment, Apache refuses "%2F" (AllowEncodedSlashes Off) and
// proxies that normalise decode it. A URL that works only behind some
// dispatchers is not one we build.
//
// "+" is refused where gin unescapes raw values with url.QueryUnescape,
// which turns the "+" we leave raw (RFC 3986 allows it in a segment) into a
// space. "%" is refused in rawKeep, where a handler gets the raw value only
// when the request had a RawPath: unescaping a decoded value that holds "%"
// would change it.
func (m pathMode) unroutable() string {
	switch m {
	case modeRawUnescape, modeEscapedUnescape:
		return "/+"
	case modeRawKeep:
		return "/%"
	}
	return "/"
}

// catchAllConstraint is the constraint on a *wildcard value in this mode:
// urlfor's Unroutable covers parameters only, so the same refusals are a
// regexp here. "/" is the wildcard's separator and is fine.
func (m pathMode) catchAllConstraint() string {
	switch m {
	case modeRawUnescape, modeEscapedUnescape:
		return `[^+]*`
	case modeRawKeep:
		return `[^%]*`
	}
	return ""
}

// templateOptions are the urlfor template options of the mode.
func (m pathMode) templateOptions() []urlfor.TemplateOption {
	return []urlfor.TemplateOption{urlfor.Unroutable(m.unroutable())}
}
