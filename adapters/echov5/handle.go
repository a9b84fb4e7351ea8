package partyechov5

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is an echo app's membership in a party: it builds the app's URLs
// (local names first), redirects, and gives templates their urlFor. Get it
// from [Join], or in a handler from [FromContext]. It is safe for
// concurrent use. Before the invitation, every method that builds fails
// with an error wrapping urlfor.ErrNotInvited.
//
// Its methods are [adapterkit.ContextHandle]'s, shaped to *echo.Context:
// URL(c, name, pairs...) builds the path with the mount prefix
// ("/blog/posts/7"): "post" is this app's first, then the one app that
// has it; "shop:cart" the shop's; "blog:GET:/posts/:id" an echo default
// name. pairs are the parameters (":id" takes "id", the wildcard "*"),
// then the query string; c is not read. A value echo would route elsewhere
// or could not give back is a *urlfor.ParamError (TakenBy names the
// route); a path echo never matches as written is urlfor.ErrInvalidTemplate.
// AbsoluteURL adds the scheme and host of c's request; Redirect writes
// through echo's c.Redirect (which also refuses 309-399:
// echo.ErrInvalidRedirectCode), so return its error from the handler.
// With [Sticky], the methods fill the listed parameters the handler leaves
// out from c's route (c is read only for them; nil fills nothing).
// SignedURL(c, expires, name, pairs...) is URL signed with [SignWith]'s
// signer, "/blog/files/a.pdf?expires=...&signature=...", for
// [ValidateSignature]; Link(c, rel, name, pairs...) is an RFC 8288
// link-value, `</blog/posts?page=2>; rel="next"`, for a Link header
// (urlfor.JoinLinks joins several).
// FuncMap's urlFor is for c.Render: parse the templates into
// template.New("").Funcs(h.FuncMap()) and set
// e.Renderer = &echo.TemplateRenderer{Template: t}.
type Handle struct {
	adapterkit.ContextHandle[*echo.Context]
	kit *adapterkit.Member
	src *source
}

func newHandle(kit *adapterkit.Member, src *source) *Handle {
	return &Handle{ContextHandle: adapterkit.NewContextHandle(kit, request, redirect).WithParams(stickyParam), kit: kit, src: src}
}

func request(c *echo.Context) *http.Request {
	if c == nil {
		return nil
	}
	return c.Request()
}

func redirect(c *echo.Context, code int, u string) error { return c.Redirect(code, u) }

var helpers = adapterkit.Lookup[*echo.Context, *Handle]{Find: FromContext, NoHandle: errNoHandle}

// URL is [Handle.URL] for the app that serves c ([FromContext]);
// [ErrNoHandle] when that app never joined or c is nil.
func URL(c *echo.Context, name string, pairs ...string) (string, error) {
	return helpers.URL(c, name, pairs...)
}

// AbsoluteURL is [Handle.AbsoluteURL] for the app that serves c
// ([FromContext]); [ErrNoHandle] when it never joined or c is nil.
func AbsoluteURL(c *echo.Context, name string, pairs ...string) (string, error) {
	return helpers.AbsoluteURL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app that serves c ([FromContext]):
// a code outside 300-399 is a *urlfor.RedirectCodeError, checked first;
// [ErrNoHandle] when the app never joined or c is nil.
func Redirect(c *echo.Context, code int, name string, pairs ...string) error {
	return helpers.Redirect(c, code, name, pairs...)
}
