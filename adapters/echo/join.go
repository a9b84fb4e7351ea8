package partyecho

import (
	"net/http"
	"strings"
	"weak"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// joined maps each joined *echo.Echo to its *Handle, for [Join]'s "only
// once" rule and for [FromContext]. It holds both weakly; an app keeps its
// handle alive through its invite route and OnAddRouteHandler hook.
var joined adapterkit.Registry[echo.Echo, Handle]

// Join makes the echo app e a member of the party that will invite it:
// it registers the invite route (GET [InviteRoute], core.DefaultInvitePath
// by default, and the same path with or without its trailing slash, for
// echo's trailing-slash pre-middleware), chains a counting
// Echo.OnAddRouteHandler to the one already set, and returns the handle.
// Call it while you register routes, before core.New.
//
// The invite route answers the invitation with 200 once the app joined
// (its endpoints are then its echo routes, read live), 404 to any other
// request, and 500 with the reason when joining failed (a namespace
// taken). Errors: [ErrInvalidOption] for a nil app or a bad option,
// [ErrAlreadyJoined] when e joined before.
func Join(e *echo.Echo, opts ...Option) (*Handle, error) {
	cfg := adapterkit.NewConfig(opts)
	if err := cfg.Check("partyecho", ":*"); err != nil {
		return nil, err
	}
	if e == nil {
		return nil, adapterkit.Errorf("partyecho", ErrInvalidOption, "Join: nil *echo.Echo")
	}
	invite := []string{cfg.InviteRoute}
	if alt := otherSlash(cfg.InviteRoute); alt != "" {
		invite = append(invite, alt)
	}
	src := &source{app: weak.Make(e), invite: invite}
	src.hook.logger = cfg.Logger
	h := newHandle(adapterkit.NewMember("partyecho", "echo", cfg, src), src)
	if err := joined.Add("partyecho", e, h); err != nil {
		return nil, err
	}
	src.hook.install(e)
	for _, path := range invite {
		e.GET(path, h.answer).Name = ""
	}
	return h, nil
}

// answer is the invite route's handler (adapterkit.Member.Answer).
func (h *Handle) answer(c echo.Context) error {
	status, body := h.kit.Answer(c.Request())
	if status == http.StatusOK {
		return c.NoContent(status)
	}
	return c.String(status, body)
}

// otherSlash is path without its trailing slash, or with one: the route a
// trailing-slash pre-middleware rewrites the invitation to ("/" has none).
func otherSlash(path string) string {
	if path == "/" {
		return ""
	} else if p, ok := strings.CutSuffix(path, "/"); ok {
		return p
	}
	return path + "/"
}

// FromContext returns the handle of the app serving c (c.Echo()), and
// false when that app never joined or c is nil.
func FromContext(c echo.Context) (*Handle, bool) {
	if c == nil {
		return nil, false
	}
	return joined.Lookup(c.Echo())
}
