package monolith

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/gofiber/fiber/v2"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// Options configure the site.
type Options struct {
	// Logger sees the party's invitations and each app's join; nil is
	// silent.
	Logger *slog.Logger
	// Debug serves the endpoint table at DebugPath.
	Debug bool
}

// DebugPath is where the endpoint table is served with Options.Debug.
const DebugPath = "/__party__"

// Mounts lists where each app is mounted, in invitation order.
var Mounts = []struct{ Prefix, Framework string }{
	{"", "gin"},
	{"/blog", "echo"},
	{"/api", "gorilla/mux"},
	{"/admin", "chi"},
	{"/legacy", "fiber"},
	{"/help", "net/http"},
}

// InvitePaths returns the invite path of every app.
func InvitePaths() []string {
	paths := make([]string, len(Mounts))
	for i, m := range Mounts {
		paths[i] = m.Prefix + core.DefaultInvitePath
	}
	return paths
}

// Site is the running demo: one handler for everything.
type Site struct {
	Party   *core.Party
	Builder *urlfor.Builder
	Store   *Store

	handler http.Handler
	legacy  *fiber.App
}

// New builds the six apps, mounts them in an http.ServeMux and wraps it in a
// party, which invites every app before New returns.
func New(o Options) (*Site, error) {
	s := &Site{Store: NewStore()}
	// The party logs one line per invitation; each app's own line (its
	// namespace, mount prefix and routes) is for -debug.
	appLog := o.Logger
	if !o.Debug {
		appLog = nil
	}
	shop, _, err := newShop(s.Store, partygin.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("shop: %w", err)
	}
	blog, err := newBlog(s.Store, partyecho.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("blog: %w", err)
	}
	api, err := newAPI(s.Store, partymux.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	admin, err := newAdmin(s.Store, partychi.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("admin: %w", err)
	}
	s.legacy, err = newLegacy(s.Store, partyfiber.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("legacy: %w", err)
	}
	help, err := newHelp(partyhttp.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("help: %w", err)
	}

	mux := http.NewServeMux()
	mux.Handle("/", shop)
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/api/", http.StripPrefix("/api", api))
	mux.Handle("/admin/", http.StripPrefix("/admin", admin))
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(s.legacy)))
	mux.Handle("/help/", http.StripPrefix("/help", help))

	s.Party, err = core.New(mux, InvitePaths(), core.WithLogger(o.Logger))
	if err != nil {
		return nil, err
	}
	s.Builder = urlfor.New(s.Party)
	if o.Debug {
		mux.HandleFunc("GET "+DebugPath, s.serveRoutes)
	}
	s.handler = s.Party
	return s, nil
}

// ServeHTTP serves the whole site.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close releases the Fiber app.
func (s *Site) Close() error { return s.legacy.Shutdown() }

// Summary writes one line per participant: namespace, mount prefix,
// framework and number of endpoints.
func (s *Site) Summary(w io.Writer) {
	for _, p := range s.Builder.Participants() {
		n := 0
		for _, r := range p.Routes() {
			if r.Name != "" {
				n++
			}
		}
		prefix := p.MountPrefix()
		if prefix == "" {
			prefix = "/"
		}
		fmt.Fprintf(w, "  %-8s %-8s %-12s %d endpoints\n", p.Namespace(), prefix, p.Framework(), n)
	}
}
