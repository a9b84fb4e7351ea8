package partyfiberv3

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v3"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// joined maps each joined app to its handle, weakly ([FromContext]).
var joined adapterkit.Registry[fiber.App, Handle]

// Handle is the app's membership in the party, made by [Join]: it builds
// URLs from the app's handlers, local names first. Safe for concurrent use.
//
// Its URL methods are [adapterkit.ContextHandle]'s, shaped to fiber.Ctx.
// URL takes the parameters by the keys c.Params reads them by ("id"; "*"
// or "*1", "+" or "+1" for greedy ones) and names routes as fiber does
// (group prefix included: "api.users"); a value a route registered before
// would take is a *urlfor.ParamError whose TakenBy names it; a route it
// cannot check is a [*PatternError]. AbsoluteURL says https when the
// request reached the bridge or fiber's server over TLS. Redirect writes
// with fiber's own c.Redirect(). With [Sticky], every method taking a c
// fills the listed parameters the handler leaves out from c's route (as
// [Param] reads them); SignedURL(c, expires, name, pairs...) is URL
// signed with [SignWith]'s signer, for [ValidateSignature]; Link(c, rel,
// name, pairs...) is an RFC 8288 link-value, `</events/e/7>; rel="next"`,
// for a Link header (urlfor.JoinLinks joins several). fiber.New loads the views before Join can
// run: add FuncMap's urlFor to the engine, then app.ReloadViews() (new in
// v3).
type Handle struct {
	adapterkit.ContextHandle[fiber.Ctx]
	app *fiber.App
	kit *adapterkit.Member
	src *source
}

// Join makes app a member of the party that will invite it: it registers
// the invite route ([InviteRoute], "/__invite__/" by default) as a GET
// route, and fiber's OnRoute and OnName hooks (hooks.go), so that a name
// not found is O(1) until a route is added or named. Call it right after
// fiber.New (fiber tries routes in order) and serve the app through
// [Handler]. The invite route answers its invitation 200 once joined, 500
// with the reason when joining failed, 404 to anything else. Errors:
// [ErrInvalidOption] (a nil app, a malformed option), [ErrAlreadyJoined].
func Join(app *fiber.App, opts ...Option) (*Handle, error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check(pkg, ":*+?<>\\"); err != nil {
		return nil, err
	}
	if app == nil {
		return nil, adapterkit.Errorf(pkg, ErrInvalidOption, "nil *fiber.App")
	}
	h := &Handle{app: app, src: newSource(app)}
	h.kit = adapterkit.NewMember(pkg, "fiber v3", cfg, h.src)
	h.ContextHandle = adapterkit.NewContextHandle(h.kit, request, redirect).WithParams(stickyParam)
	// The handle is complete before other goroutines can find it.
	if err := joined.Add(pkg, app, h); err != nil {
		return nil, err
	}
	if err := h.register(cfg.InviteRoute); err != nil {
		joined.Remove(app)
		return nil, err
	}
	return h, nil
}

// register adds the hooks and the invite route; fiber's panic is an error.
func (h *Handle) register(route string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = adapterkit.Errorf(pkg, ErrInvalidOption, "fiber refused the invite route %q: %v", route, v)
		}
	}()
	h.app.Hooks().OnRoute(h.src.hook)
	h.app.Hooks().OnName(h.src.hook)
	h.app.Get(route, h.invite)
	return nil
}

// invite is the invite route's handler. fiber v3's adaptor hands the app a
// fresh fasthttp request: the party's request context does not cross it
// (c.Context() is context.Background()), its headers do, so the invitation
// is core's one-time token header, copied here (core.AcceptInvitation looks
// at both).
func (h *Handle) invite(c fiber.Ctx) error {
	status, body := h.kit.Answer(&http.Request{
		Method: c.Method(),
		URL:    &url.URL{Path: strings.Clone(c.Path())},
		Header: http.Header{core.TokenHeader: {strings.Clone(c.Get(core.TokenHeader))}},
		Host:   string(c.Request().Host()),
	})
	return c.Status(status).SendString(body)
}

// FromContext returns the handle of the app serving c (c.App(): the joined
// parent for the handlers of an app it mounted with Use), and false when
// that app never joined or c is nil.
func FromContext(c fiber.Ctx) (*Handle, bool) {
	if c == nil {
		return nil, false
	}
	return joined.Lookup(c.App())
}
