package partygin

import "github.com/gin-gonic/gin"

// handleKey is the gin context key of the handle (gin 1.11+ keys are any).
type handleKey struct{}

// Middleware returns gin middleware that puts h in the gin context, where
// the package-level [URL], [AbsoluteURL] and [Redirect] find it. A
// gin.Context has no way back to its engine (echo's c.Echo(), fiber's
// c.App()), so this is how a handler without access to h builds URLs:
//
//	engine.Use(h.Middleware())
//	func showPost(c *gin.Context) { u, err := partygin.URL(c, "post", "id", "7") ... }
//
// Use it before registering the routes that need it, as any gin middleware.
// It costs one c.Set per request.
func (h *Handle) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) { c.Set(handleKey{}, h) }
}

// FromContext returns the handle [Handle.Middleware] put in c.
func FromContext(c *gin.Context) (*Handle, bool) {
	if c == nil {
		return nil, false
	}
	v, ok := c.Get(handleKey{})
	if !ok {
		return nil, false
	}
	h, ok := v.(*Handle)
	return h, ok
}

// URL is [Handle.URL] with the handle found in c ([Handle.Middleware]). It
// returns [ErrNoHandle], which wraps urlfor.ErrNotInvited, when there is
// none.
func URL(c *gin.Context, name string, pairs ...string) (string, error) {
	h, ok := FromContext(c)
	if !ok {
		return "", ErrNoHandle
	}
	return h.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] with the handle found in c, or
// [ErrNoHandle].
func AbsoluteURL(c *gin.Context, name string, pairs ...string) (string, error) {
	h, ok := FromContext(c)
	if !ok {
		return "", ErrNoHandle
	}
	return h.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] with the handle found in c, or
// [ErrNoHandle].
func Redirect(c *gin.Context, code int, name string, pairs ...string) error {
	h, ok := FromContext(c)
	if !ok {
		return ErrNoHandle
	}
	return h.Redirect(c, code, name, pairs...)
}
