package partygin

import (
	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// handleKey is the gin context key of the handle (gin 1.11+ keys are any).
type handleKey struct{}

// errNoHandle is [ErrNoHandle] with partygin's advice.
var errNoHandle = adapterkit.Errorf("partygin", ErrNoHandle, "add h.Middleware() with engine.Use")

// Middleware returns gin middleware that puts h in the gin context, where
// [FromContext] and the package-level [URL], [AbsoluteURL] and [Redirect]
// find it: a gin.Context has no way back to its engine (echo's c.Echo(),
// fiber's c.App()). engine.Use it before registering the routes that need
// it, as any gin middleware. It costs one c.Set per request.
func (h *Handle) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) { c.Set(handleKey{}, h) }
}

// FromContext returns the handle [Handle.Middleware] put in c; false when
// there is none (or c is nil).
func FromContext(c *gin.Context) (*Handle, bool) {
	if c == nil {
		return nil, false
	}
	v, _ := c.Get(handleKey{})
	h, ok := v.(*Handle)
	return h, ok
}

var helpers = adapterkit.Lookup[*gin.Context, *Handle]{Find: FromContext, NoHandle: errNoHandle}

// URL is [Handle.URL] with the handle found in c ([FromContext]). It
// returns an error wrapping [ErrNoHandle], which wraps
// urlfor.ErrNotInvited, when there is none.
func URL(c *gin.Context, name string, pairs ...string) (string, error) {
	return helpers.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] with the handle found in c, or an
// error wrapping [ErrNoHandle].
func AbsoluteURL(c *gin.Context, name string, pairs ...string) (string, error) {
	return helpers.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] with the handle found in c, or an error
// wrapping [ErrNoHandle]; a code outside 300-399 is a
// *urlfor.RedirectCodeError, checked first.
func Redirect(c *gin.Context, code int, name string, pairs ...string) error {
	return helpers.Redirect(c, code, name, pairs...)
}
