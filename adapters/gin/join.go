package partygin

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// Handle is a gin engine's membership in the party: it builds URLs
// local-first, redirects, gives templates urlFor, and names routes through
// [Handle.Router]. Get it from [Join] or [JoinAhead]. It is safe for concurrent use.
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
// LoadHTMLFS, even before the invitation. With [Sticky], the methods fill
// the listed parameters the handler leaves out from c's route.
// SignedURL(c, expires, name, pairs...) is URL signed with [SignWith]'s
// signer, "/shop/files/a.pdf?expires=...&signature=...", for
// [ValidateSignature]; Link(c, rel, name, pairs...) is an RFC 8288
// link-value, `</shop/items?page=2>; rel="next"`, for c.Header("Link", ...)
// (urlfor.JoinLinks joins several).
type Handle struct {
	adapterkit.ContextHandle[*gin.Context]
	engine      *gin.Engine
	inviteRoute string
	kit         *adapterkit.Member
	names       nameTable
	src         *source
}

// joined records every engine that joined, weakly: an engine that is
// otherwise garbage is not kept alive.
var joined adapterkit.Registry[gin.Engine, Handle]

// Join makes the engine an app of the party: it registers the invite route
// (by default [core.DefaultInvitePath], for every method of gin's Any) and
// returns the engine's handle. When the party's invitation arrives there,
// the app joins, backed by the engine's live routes, and answers 200; any
// other request there gets 404, a failed join 500 with the reason (core.New
// reports it).
//
// Call Join before engine.Use of middleware that could turn the invitation
// away (authentication): gin gives a route the middleware used before it
// was registered. Set the engine's path flags (UseRawPath, UseEscapedPath,
// UnescapePathValues) before core.New sends the invitation: templates are
// made for the mode the engine is in when its routes are read.
//
// gin allows no route beside a root catch-all ("/*path"): an app that has
// one calls [JoinAhead] instead, before registering the catch-all. After
// Join, gin refuses such a catch-all (it panics at registration).
//
// Errors: [ErrInvalidOption] for a nil engine or a malformed option; an
// [*InviteConflictError], which wraps it, when a route registered first
// conflicts with the invite route (a root catch-all); [ErrAlreadyJoined]
// for an engine that joined before. Join registers nothing then.
func Join(engine *gin.Engine, opts ...Option) (*Handle, error) {
	return join(engine, false, opts)
}

// JoinAhead is [Join] for an app with a root catch-all ("/*path", the
// fallback of a single-page app), beside which gin allows no other route
// of its method, the invite route included. For every method that has no
// route yet, JoinAhead registers no invite route: it answers the invite
// route ahead of routing, with a middleware it adds with engine.Use, which
// gin runs before the handlers of every route registered after it and
// before its 404 and 405 answers. The invite route answers as with Join:
// 200 to the party's invitation, 404 to any other request (the catch-all
// never sees them), 500 if joining failed. Methods that have routes
// already get the invite route registered, as Join does.
//
// The order matters: call JoinAhead, then register the catch-all. A
// catch-all registered before has its handler chain already, without the
// middleware, and gin offers no way to run anything before it: JoinAhead
// then returns an [*InviteConflictError] naming it. Make groups after
// JoinAhead too (a group copies the engine's middleware when it is made).
//
// JoinAhead is for methods that will hold a root catch-all. In a method
// that gets other routes instead, gin may redirect the invite path before
// any middleware runs (with a root parameter "/:page", gin's trailing
// slash redirect sends "/__invite__/" to "/__invite__"), and the app would
// not join; Join's invite route, a static route, wins over those.
//
// Errors are Join's.
func JoinAhead(engine *gin.Engine, opts ...Option) (*Handle, error) {
	return join(engine, true, opts)
}

// join is Join, or JoinAhead when ahead.
func join(engine *gin.Engine, ahead bool, opts []Option) (h *Handle, err error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check("partygin", ":*"); err != nil {
		return nil, err
	}
	if engine == nil {
		return nil, adapterkit.Errorf("partygin", ErrInvalidOption, "nil *gin.Engine")
	}
	h = &Handle{engine: engine, inviteRoute: cfg.InviteRoute}
	h.src = &source{h: h, templates: map[templateKey]*urlfor.Template{}}
	h.kit = adapterkit.NewMember("partygin", "gin", cfg, h.src)
	h.ContextHandle = adapterkit.NewContextHandle(h.kit, request, redirect, adapterkit.RedirectCodes(redirectCode)).WithParams(h.stickyParam)
	if err := joined.Add("partygin", engine, h); err != nil {
		return nil, err
	}
	infos := engine.Routes()
	methods := anyMethods
	if ahead {
		methods = methodsWithRoutes(infos)
	}
	if err := inviteConflict(infos, methods, cfg.InviteRoute); err != nil {
		joined.Remove(engine)
		return nil, err
	}
	// gin lists "/a\:b" as "/a:b" once it has served a request; keep the
	// registered text of routes that have an escaped colon.
	for _, ri := range infos {
		if strings.Contains(ri.Path, `\:`) {
			h.names.record(ri.Path, "", nil)
		}
	}
	defer func() {
		// inviteConflict knows gin's conflicts with a static route; should
		// gin refuse one all the same, its panic is an error.
		if v := recover(); v != nil {
			joined.Remove(engine)
			h, err = nil, adapterkit.Errorf("partygin", ErrInvalidOption, "gin refused the invite route %q: %v", cfg.InviteRoute, v)
		}
	}()
	for _, m := range methods {
		engine.Handle(m, cfg.InviteRoute, h.invite)
	}
	if ahead {
		engine.Use(h.ahead)
	}
	return h, nil
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
