package partyechov5

import (
	"net/http"
	"strings"
	"weak"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// joined maps each joined *echo.Echo to its *Handle, weakly: an app keeps
// its handle alive through its invite route and OnAddRoute hook.
var joined adapterkit.Registry[echo.Echo, Handle]

// Join makes the echo app e a member of the party that will invite it: it
// registers the invite route (GET [InviteRoute], core.DefaultInvitePath by
// default, and the same path with or without its trailing slash, for
// echo's trailing-slash middleware), chains a counting Echo.OnAddRoute
// hook to the one already set, and returns the handle. Call it while you
// register routes, before core.New.
//
// The invite route answers the invitation with 200 once the app joined,
// 404 to any other request, and 500 with the reason when joining failed (a
// namespace taken). Errors: [ErrInvalidOption] for a nil app, a bad option
// or an invite route echo refuses; [ErrAlreadyJoined] when e joined before.
func Join(e *echo.Echo, opts ...Option) (*Handle, error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check(pkg, `:*\`); err != nil {
		return nil, err
	} else if e == nil {
		return nil, adapterkit.Errorf(pkg, ErrInvalidOption, "Join: nil *echo.Echo")
	}
	invite := []string{cfg.InviteRoute}
	if p, ok := strings.CutSuffix(cfg.InviteRoute, "/"); p != "" {
		invite = append(invite, cmpOr(ok, p, p+"/"))
	}
	src := &source{app: weak.Make(e), invite: invite, logger: cfg.Logger}
	h := newHandle(adapterkit.NewMember(pkg, "echo v5", cfg, src), src)
	if err := joined.Add(pkg, e, h); err != nil {
		return nil, err
	}
	for _, p := range invite {
		if _, err := e.AddRoute(echo.Route{Method: http.MethodGet, Path: p, Handler: h.answer}); err != nil {
			joined.Remove(e)
			return nil, adapterkit.Errorf(pkg, ErrInvalidOption, "echo refused the invite route: %v", err)
		}
	}
	src.install(e)
	return h, nil
}

// answer is the invite route's handler (adapterkit.Member.Answer).
func (h *Handle) answer(c *echo.Context) error {
	if status, body := h.kit.Answer(c.Request()); status != http.StatusOK {
		return c.String(status, body)
	}
	return c.NoContent(http.StatusOK)
}

// FromContext returns the handle of the app serving c (c.Echo()), and
// false when that app never joined or c is nil.
func FromContext(c *echo.Context) (*Handle, bool) {
	if c == nil {
		return nil, false
	}
	return joined.Lookup(c.Echo())
}
