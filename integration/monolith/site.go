package monolith

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/gofiber/fiber/v2"
	fiberv3 "github.com/gofiber/fiber/v3"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	partylinejs "github.com/partyline-go/partyline/clients/js"
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

// Mount is where one app is mounted and what serves it.
type Mount struct {
	Prefix    string // "" for the app at "/"
	Framework string // with its major version: "echo v5"
	Legacy    bool   // of the legacy part of the site
}

// Mounts lists where each app is mounted, in invitation order: the current
// generation (the blog on echo v5, the events on fiber v3), then the legacy
// part of the site (the archive on echo v4, the legacy pages on fiber v2).
var Mounts = []Mount{
	{"", "gin v1", false},
	{"/blog", "echo v5", false},
	{"/events", "fiber v3", false},
	{"/api", "gorilla/mux v1", false},
	{"/admin", "chi v5", false},
	{"/help", "net/http", false},
	{"/archive", "echo v4", true},
	{"/legacy", "fiber v2", true},
}

// mountAt returns the mount of prefix.
func mountAt(prefix string) (Mount, bool) {
	for _, m := range Mounts {
		if m.Prefix == prefix {
			return m, true
		}
	}
	return Mount{}, false
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
	events  *fiberv3.App
	legacy  *fiber.App
}

// New builds the eight apps, mounts them in an http.ServeMux and wraps it in a
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
	blog, err := newBlog(s.Store, partyechov5.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("blog: %w", err)
	}
	s.events, err = newEvents(s.Store, partyfiberv3.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
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
	archive, err := newArchive(s.Store, partyecho.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}

	mux := http.NewServeMux()
	mux.Handle("/", shop)
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/events/", http.StripPrefix("/events", partyfiberv3.Handler(s.events)))
	mux.Handle("/api/", http.StripPrefix("/api", api))
	mux.Handle("/admin/", http.StripPrefix("/admin", admin))
	mux.Handle("/help/", http.StripPrefix("/help", help))
	mux.Handle("/archive/", http.StripPrefix("/archive", archive))
	mux.Handle("/legacy/", http.StripPrefix("/legacy", partyfiber.Handler(s.legacy)))

	s.Party, err = core.New(mux, InvitePaths(), core.WithLogger(o.Logger))
	if err != nil {
		return nil, err
	}
	s.Builder = urlfor.New(s.Party)
	mux.Handle("GET "+ManifestPath, s.Builder.ManifestHandler(s.manifestOptions()))
	mux.Handle("GET "+ClientPath, partylinejs.Handler())
	if o.Debug {
		mux.HandleFunc("GET "+DebugPath, s.serveRoutes)
	}
	s.handler = s.Party
	return s, nil
}

// ManifestPath is where the site serves its route manifest (every
// endpoint: it is a demo), for the JavaScript client.
const ManifestPath = DebugPath + "/manifest.json"

// ClientPath is where the site serves partyline's JavaScript client, which
// the help app's client page imports.
const ClientPath = DebugPath + "/partyline.js"

// Manifest is the route manifest of every endpoint of the site.
func (s *Site) Manifest() (*urlfor.Manifest, error) {
	return s.Builder.Manifest(s.manifestOptions())
}

func (s *Site) manifestOptions() urlfor.ManifestOptions {
	return urlfor.ManifestOptions{Include: func(urlfor.Endpoint) bool { return true }}
}

// ServeHTTP serves the whole site.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close releases the two fiber apps.
func (s *Site) Close() error { return errors.Join(s.events.Shutdown(), s.legacy.Shutdown()) }

// Summary writes one line per participant: namespace, mount prefix,
// framework and major version, number of endpoints, and "(legacy)" for the
// legacy part of the site.
func (s *Site) Summary(w io.Writer) {
	for _, p := range s.Builder.Participants() {
		n := 0
		for _, r := range p.Routes() {
			if r.Name != "" {
				n++
			}
		}
		m, ok := mountAt(p.MountPrefix())
		if !ok {
			m.Framework = p.Framework()
		}
		prefix := cmp.Or(p.MountPrefix(), "/")
		legacy := ""
		if m.Legacy {
			legacy = "  (legacy)"
		}
		fmt.Fprintf(w, "  %-8s %-9s %-15s %d endpoints%s\n", p.Namespace(), prefix, m.Framework, n, legacy)
	}
}
