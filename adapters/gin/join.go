package partygin

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is a gin engine's membership in the party: it builds URLs
// local-first, redirects, gives templates urlFor, and names routes through
// [Handle.Router]. Get it from [Join]. It is safe for concurrent use.
//
// Its URL methods are [adapterkit.ContextHandle]'s, shaped to *gin.Context.
// URL refuses, never builds, a value a handler could not get back: "/"
// inside a :param (see the package doc for the engine modes), empty, "."
// or "..", and a value another route would take (a *urlfor.ParamError
// whose TakenBy names that route). Redirect writes through gin's
// c.Redirect and takes 300, 301, 302, 303, 307 or 308 (RFC 9110 §15.4;
// 304, 305 and 306 do not redirect, and gin's c.Redirect panics above
// 308), else it returns a *urlfor.RedirectCodeError. gin hands its FuncMap
// to the templates when it loads them, so call
// engine.SetFuncMap(h.FuncMap()) before LoadHTMLGlob, LoadHTMLFiles or
// LoadHTMLFS, even before the invitation.
type Handle struct {
	adapterkit.ContextHandle[*gin.Context]
	engine *gin.Engine
	kit    *adapterkit.Member
	names  nameTable
	src    *source
}

// joined records every engine that joined, weakly: an engine that is
// otherwise garbage is not kept alive.
var joined adapterkit.Registry[gin.Engine, Handle]

// Join makes the engine an app of the party: it registers the invite route
// (by default [core.DefaultInvitePath], for every method, with engine.Any)
// and returns the engine's handle. When the party's invitation arrives
// there, the app joins, backed by the engine's live routes, and answers
// 200; any other request there gets 404, a failed join 500 with the reason
// (core.New reports it).
//
// Call Join before engine.Use of middleware that could turn the invitation
// away (authentication): gin gives a route the middleware used before it
// was registered. Set the engine's path flags (UseRawPath, UseEscapedPath,
// UnescapePathValues) before core.New sends the invitation: templates are
// made for the mode the engine is in when its routes are read.
//
// Errors: [ErrInvalidOption] for a nil engine, a malformed option or an
// invite route gin refuses (it conflicts with a route of the app: gin
// panics, Join recovers and returns the panic as an error);
// [ErrAlreadyJoined] for an engine that joined before.
func Join(engine *gin.Engine, opts ...Option) (h *Handle, err error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check("partygin", ":*"); err != nil {
		return nil, err
	}
	if engine == nil {
		return nil, adapterkit.Errorf("partygin", ErrInvalidOption, "nil *gin.Engine")
	}
	h = &Handle{engine: engine}
	h.src = &source{h: h, templates: map[templateKey]*urlfor.Template{}}
	h.kit = adapterkit.NewMember("partygin", "gin", cfg, h.src)
	h.ContextHandle = adapterkit.NewContextHandle(h.kit, request, redirect, adapterkit.RedirectCodes(redirectCode))
	if err := joined.Add("partygin", engine, h); err != nil {
		return nil, err
	}
	// gin lists "/a\:b" as "/a:b" once it has served a request; keep the
	// registered text of routes that have an escaped colon.
	for _, ri := range engine.Routes() {
		if strings.Contains(ri.Path, `\:`) {
			h.names.record(ri.Path, "", nil)
		}
	}
	defer func() {
		if v := recover(); v != nil {
			joined.Remove(engine)
			h, err = nil, adapterkit.Errorf("partygin", ErrInvalidOption, "gin refused the invite route %q: %v", cfg.InviteRoute, v)
		}
	}()
	engine.Any(cfg.InviteRoute, h.invite)
	return h, nil
}

// invite is the invite route's handler ([adapterkit.Member.Answer]).
func (h *Handle) invite(c *gin.Context) {
	status, body := h.kit.Answer(c.Request)
	if status == http.StatusOK {
		c.AbortWithStatus(status)
		return
	}
	c.String(status, body)
	c.Abort()
}

// refresh re-reads the app's routes if the app has joined, so that a route
// registered through a Router after the invitation is found at once, and a
// static route that takes values of a parameter (see shadow.go) is refused
// at once.
func (h *Handle) refresh() {
	if p, err := h.kit.Participant(); err == nil {
		p.Refresh()
	}
}

// Engine returns the engine the handle belongs to.
func (h *Handle) Engine() *gin.Engine { return h.engine }

// String describes the handle, for logs.
func (h *Handle) String() string {
	if p, err := h.kit.Participant(); err == nil {
		return fmt.Sprintf("partygin app %q at %q", p.Namespace(), p.MountPrefix())
	}
	return "partygin app (not invited yet)"
}
