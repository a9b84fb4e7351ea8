package partyecho

import (
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/urlfor"
)

// Handle is an echo app's membership in a party: it builds the app's URLs
// (local names first), redirects, and gives templates their urlFor. Get one
// from [Join]. It is safe for concurrent use. Before the party invites the
// app, every method that builds fails with an error wrapping
// urlfor.ErrNotInvited.
type Handle struct {
	member *urlfor.Member
	src    *source
	cfg    config
}

// joined maps each joined *echo.Echo to its *Handle, for [Join]'s
// "only once" rule and for the package-level helpers, which find the
// handle from c.Echo(). Both sides are weak, so that the registry never
// keeps an app alive (after the invitation a handle reaches its app
// through the party and the dispatcher); the app keeps its handle alive
// (its OnAddRouteHandler hook and invite route hold it), and the entry
// goes away with the app.
var joined sync.Map // weak.Pointer[echo.Echo] -> weak.Pointer[Handle]

// Join makes the echo app e a member of the party that will invite it:
// it registers the invite route (GET, [core.DefaultInvitePath] unless
// [InviteRoute] says otherwise, and the same path without its trailing
// slash), installs a counting Echo.OnAddRouteHandler that chains the one
// already set, and returns the app's handle. Call it while you register
// routes, before the party is made with core.New.
//
// The invite route answers the party's invitation once with 200, after
// joining: the app's endpoints are then its echo routes, by echo's route
// names, read live from e.Routes() and e.Routers(). It answers 404 to every
// other request (the party also refuses invite paths from outside) and 500
// when joining failed (a namespace already taken; the error is logged on
// the WithLogger logger and core.New reports the invitation as failed).
// Middleware registered with e.Use and e.Pre runs before it: a middleware
// that rejects or redirects the invitation (authentication, HTTPS
// redirect) must skip the invite route.
//
// Errors: [ErrInvalidOption] for a nil app, an invite route that does not
// start with "/" or a namespace with ":"; [ErrAlreadyJoined] when e joined
// before.
func Join(e *echo.Echo, opts ...Option) (*Handle, error) {
	cfg := newConfig(opts)
	switch {
	case e == nil:
		return nil, fmt.Errorf("%w: Join: nil *echo.Echo", ErrInvalidOption)
	case cfg.inviteRoute == "" || cfg.inviteRoute[0] != '/':
		return nil, fmt.Errorf("%w: invite route %q does not start with /", ErrInvalidOption, cfg.inviteRoute)
	case strings.Contains(cfg.namespace, ":"):
		return nil, fmt.Errorf("%w: namespace %q contains \":\"", ErrInvalidOption, cfg.namespace)
	}
	invite := []string{cfg.inviteRoute}
	if alt := otherSlash(cfg.inviteRoute); alt != "" {
		invite = append(invite, alt)
	}
	src := &source{app: weak.Make(e), invite: invite}
	src.hook.logger = cfg.logger
	h := &Handle{
		src: src,
		cfg: cfg,
		member: urlfor.NewMember(urlfor.Config{
			Namespace:   cfg.namespace,
			InviteRoute: cfg.inviteRoute,
			Framework:   "echo",
			Source:      src,
		}, cfg.logger),
	}
	src.owner = h
	key := weak.Make(e)
	if _, loaded := joined.LoadOrStore(key, weak.Make(h)); loaded {
		return nil, fmt.Errorf("%w: an *echo.Echo joins once; keep the *Handle of the first Join", ErrAlreadyJoined)
	}
	runtime.AddCleanup(e, func(k weak.Pointer[echo.Echo]) { joined.Delete(k) }, key)

	src.hook.install(e)
	for _, path := range invite {
		e.GET(path, h.answerInvitation).Name = ""
	}
	return h, nil
}

// answerInvitation is the invite route's handler.
func (h *Handle) answerInvitation(c echo.Context) error {
	switch status := h.member.Accept(c.Request()); status {
	case http.StatusOK:
		return c.NoContent(http.StatusOK)
	case http.StatusNotFound:
		return echo.ErrNotFound
	default:
		return c.String(status, "partyecho: joining the party failed (WithLogger logs why)")
	}
}

// otherSlash returns path with its trailing slash removed, or added: the
// route a trailing-slash pre-middleware would rewrite the invitation to.
// "/" has no other form.
func otherSlash(path string) string {
	switch {
	case path == "/":
		return ""
	case strings.HasSuffix(path, "/"):
		return strings.TrimSuffix(path, "/")
	default:
		return path + "/"
	}
}

// HandleOf returns the handle of an app that joined, or [ErrNotJoined].
func HandleOf(e *echo.Echo) (*Handle, error) {
	if e == nil {
		return nil, ErrNotJoined
	}
	if v, ok := joined.Load(weak.Make(e)); ok {
		if h := v.(weak.Pointer[Handle]).Value(); h != nil {
			return h, nil
		}
	}
	return nil, ErrNotJoined
}
