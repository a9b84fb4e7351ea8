package partygin

import (
	"fmt"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// Handle is a gin engine's membership in the party: it builds URLs
// local-first, redirects, gives templates urlFor, and names routes through
// [Handle.Router]. Get it from [Join]. It is safe for concurrent use.
type Handle struct {
	engine *gin.Engine
	cfg    config
	member *urlfor.Member
	names  nameTable
	src    *source
}

// joined holds every engine that joined, so that joining twice is an error.
var joined sync.Map // *gin.Engine -> *Handle

// Join makes the engine an app of the party. It registers the invite route
// (by default [core.DefaultInvitePath], for every method, with
// engine.Any) and returns the engine's handle. When the party's invitation
// arrives there, the app joins: it learns its mount prefix, connects the
// url_for service backed by the engine's live routes (engine.Routes(), read
// again when a name is not found, so routes added later are found) and
// answers 200. Any other request to the invite route gets 404, and a failed
// join 500, so that core.New reports it.
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
	if engine == nil {
		return nil, optionErr("nil engine")
	}
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	h = &Handle{engine: engine, cfg: cfg}
	if _, loaded := joined.LoadOrStore(engine, h); loaded {
		return nil, ErrAlreadyJoined
	}
	h.src = &source{h: h}
	h.member = urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.namespace,
		InviteRoute: cfg.inviteRoute,
		Framework:   "gin",
		Source:      h.src,
	}, cfg.logger)
	// gin lists "/a\:b" as "/a:b" once it has served a request; keep the
	// registered text of routes that have an escaped colon.
	for _, ri := range engine.Routes() {
		if strings.Contains(ri.Path, `\:`) {
			h.names.record(ri.Path, "", nil)
		}
	}
	defer func() {
		if v := recover(); v != nil {
			joined.Delete(engine)
			h, err = nil, optionErr("gin refused the invite route %q: %v", cfg.inviteRoute, v)
		}
	}()
	engine.Any(cfg.inviteRoute, h.invite)
	return h, nil
}

// invite is the invite route's handler.
func (h *Handle) invite(c *gin.Context) {
	c.AbortWithStatus(h.member.Accept(c.Request))
}

// refreshName is a name no route has: asking for it makes urlfor re-read
// the routes (a miss), which is how a route registered through a Router
// after the invitation is read at once. urlfor has no other way to ask.
const refreshName = "\x00partygin: re-read the routes"

// refresh re-reads the app's routes if the app has joined. A static route
// added later may take values of a parameter (see shadow.go): reading it at
// once keeps the refusals right.
func (h *Handle) refresh() {
	p, err := h.member.Participant()
	if err != nil {
		return
	}
	name := refreshName
	if ns := p.Namespace(); ns != "" {
		name = ns + ":" + refreshName
	}
	_, _ = p.URL(name)
}

// Engine returns the engine the handle belongs to.
func (h *Handle) Engine() *gin.Engine { return h.engine }

// Participant returns the app's participant in the URL directory, or an
// error wrapping urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.member.Participant() }

// String describes the handle, for logs.
func (h *Handle) String() string {
	if p, err := h.member.Participant(); err == nil {
		return fmt.Sprintf("partygin app %q at %q", p.Namespace(), p.MountPrefix())
	}
	return "partygin app (not invited yet)"
}
