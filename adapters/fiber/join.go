package partyfiber

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// joined maps every *fiber.App that joined to its *Handle, so that Join
// refuses a second call and the package-level helpers find the handle from
// c.App(). Entries live as long as the process, like the apps.
var joined sync.Map

// Handle is the app's membership in the party: it builds URLs from inside
// the app's handlers, local names first. Make it with [Join]. It is safe for
// concurrent use.
type Handle struct {
	app    *fiber.App
	cfg    config
	member *urlfor.Member
	source *source
}

// urlFor is the template function of [Handle.FuncMap], for the
// package-level [FuncMap].
func (h *Handle) urlFor(name string, args ...any) (string, error) {
	pairs, err := urlfor.Pairs(args...)
	if err != nil {
		return "", fmt.Errorf("urlFor %q: %w", name, err)
	}
	return h.member.Build(&urlfor.Request{Name: name, Pairs: pairs})
}

// Join makes app a member of the party that will invite it. It registers
// the invite route ([InviteRoute], [core.DefaultInvitePath] by default) as a
// GET route of app, and fiber's OnRoute and OnName hooks to follow the
// route table. Call it right after fiber.New, before middleware that could
// answer the invite route (fiber runs handlers in the order they were
// added), and serve the app through [Handler].
//
// On its invitation the invite route joins the party (urlfor's url_for
// service, backed by app.GetRoutes) and answers 200; it answers 404 to any
// other request, and 500 when joining failed (a namespace another app has).
//
// Errors: [ErrNilApp]; [ErrBadOption] for a malformed option;
// [ErrAlreadyJoined] when app joined before.
func Join(app *fiber.App, opts ...Option) (*Handle, error) {
	if app == nil {
		return nil, ErrNilApp
	}
	cfg := newConfig(opts)
	if err := cfg.check(); err != nil {
		return nil, err
	}
	h := &Handle{app: app, cfg: cfg, source: newSource(app)}
	h.member = urlfor.NewMember(urlfor.Config{
		Namespace:   cfg.namespace,
		InviteRoute: cfg.inviteRoute,
		Framework:   "fiber",
		Source:      h.source,
	}, cfg.logger)
	// The handle is complete before other goroutines can find it.
	if _, loaded := joined.LoadOrStore(app, h); loaded {
		return nil, ErrAlreadyJoined
	}
	if err := h.register(); err != nil {
		joined.Delete(app)
		return nil, err
	}
	h.bindViews()
	return h, nil
}

// register adds the hooks and the invite route. fiber panics on routes it
// cannot take; that becomes an error.
func (h *Handle) register() (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: fiber refused invite route %q: %v", ErrBadOption, h.cfg.inviteRoute, v)
		}
	}()
	h.app.Hooks().OnRoute(h.source.hook)
	h.app.Hooks().OnName(h.source.hook)
	h.app.Get(h.cfg.inviteRoute, h.invite)
	return nil
}

// invite is the invite route's handler. The adaptor hands fiber a fresh
// request without the party's context, so the invitation is recognised by
// core's one-time token header, which the adaptor copies
// (core.AcceptInvitation looks at both).
func (h *Handle) invite(c *fiber.Ctx) error {
	r := &http.Request{
		Method: c.Method(),
		URL:    &url.URL{Path: strings.Clone(c.Path())},
		Header: http.Header{},
		Host:   string(c.Request().Host()),
	}
	if tok := c.Get(core.TokenHeader); tok != "" {
		r.Header.Set(core.TokenHeader, strings.Clone(tok))
	}
	return c.SendStatus(h.member.Accept(r))
}

// handleOf returns the handle of the app serving c.
func handleOf(c *fiber.Ctx) (*Handle, error) {
	if c == nil {
		return nil, ErrNilContext
	}
	if h, ok := joined.Load(c.App()); ok {
		return h.(*Handle), nil
	}
	return nil, ErrNotJoined
}
