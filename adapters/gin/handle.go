package partygin

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
)

func request(c *gin.Context) *http.Request {
	if c == nil {
		return nil
	}
	return c.Request
}

func redirect(c *gin.Context, code int, u string) error {
	c.Redirect(code, u)
	return nil
}

// redirectCode refuses the 3xx codes that do not redirect (304, 305, 306)
// and those gin's c.Redirect panics on (above 308).
func redirectCode(code int) error {
	if code > http.StatusPermanentRedirect || code >= http.StatusNotModified && code < http.StatusTemporaryRedirect {
		return &urlfor.RedirectCodeError{Code: code}
	}
	return nil
}
