package partygin

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// stickyParam reads the parameter key of the route c matched for the
// [Sticky] option: false for a nil c (or one without a request) and for a
// key that is not among c.Params (the route lacks it). The value is the
// one the client meant: c.Param, unescaped with url.PathUnescape where
// the engine hands raw text (UseEscapedPath without UnescapePathValues;
// UseRawPath without it for a request that has a RawPath: the package
// doc's table), false when that escape does not decode; a catch-all's
// without the leading "/" gin adds ("a/b" for ".../a/b"; the catch-all of
// a gin route takes either, a wildcard of another framework only the
// first).
func (h *Handle) stickyParam(c *gin.Context, key string) (string, bool) {
	if c == nil || c.Request == nil || c.Request.URL == nil {
		return "", false
	}
	v, ok := c.Params.Get(key)
	if !ok {
		return "", false
	}
	raw := false // gin hands the raw text of this request's path
	switch modeOf(h.engine) {
	case modeEscapedKeep:
		raw = true
	case modeRawKeep:
		raw = c.Request.URL.RawPath != ""
	}
	if raw {
		var err error
		if v, err = url.PathUnescape(v); err != nil {
			return "", false
		}
	}
	if v != "" && v[0] == '/' && isCatchAll(c.FullPath(), key) {
		v = v[1:]
	}
	return v, true
}

// isCatchAll says whether the gin pattern ends with the catch-all "/*key".
func isCatchAll(pattern, key string) bool {
	rest, ok := strings.CutSuffix(pattern, key)
	return ok && strings.HasSuffix(rest, "/*")
}

// ValidateSignature returns gin middleware that passes on (c.Next) the
// requests whose URL s signed (the handle's SignedURL,
// urlfor.Signer.Sign) and answers the others 403 Forbidden with the
// reason as text/plain, urlfor.Signer.Verify's error ("urlfor: the signed
// URL has expired"), and aborts: the URL is not signed, its path, query or
// host changed, or it expired. Put it on the routes that serve signed
// URLs, before their handler:
//
//	h.Router(engine).Named("file").GET("/files/:name", partygin.ValidateSignature(signer), download)
//
// or on a group. Given to engine.Use, it would refuse the party's
// invitation if registered before Join, and every route registered after
// it. The URL checked is the one the client sent (the request's
// RequestURI): an app mounted behind http.StripPrefix verifies the mount
// prefix its handle signed.
//
// A nil s is a programming error: ValidateSignature panics when it is
// called, at set-up time, never when a request is served.
func ValidateSignature(s *urlfor.Signer) gin.HandlerFunc {
	if s == nil {
		panic("partygin: ValidateSignature needs a signer (urlfor.NewSigner)")
	}
	return func(c *gin.Context) {
		err := urlfor.ErrSignatureMissing
		if c.Request != nil && c.Request.URL != nil {
			err = s.Verify(c.Request)
		}
		if err != nil {
			c.Header("X-Content-Type-Options", "nosniff")
			c.String(http.StatusForbidden, "%s\n", err.Error())
			c.Abort()
			return
		}
		c.Next()
	}
}
