package monolith

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
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
	// Logger sees the party's invitations (at debug level when they
	// succeed; a failure is an error, and New returns it too); nil is
	// silent.
	Logger *slog.Logger
	// Debug also logs each app's own line when it joins (namespace, mount
	// prefix, routes), at debug level.
	Debug bool
}

// InspectorPath is where the site serves its inspector: the apps of the
// party, their endpoints, and a form that builds any endpoint's URL. The
// stylesheet, the route manifest and the JavaScript client are served
// under it too.
const InspectorPath = "/__party__"

// Mount is where one app is mounted and what serves it.
type Mount struct {
	Prefix    string // "" for the app at "/"
	Namespace string // "blog" in "blog:post"
	Framework string // with its major version: "echo v5"
	Home      string // the endpoint of its first page: "blog:index"
	Legacy    bool   // of the legacy part of the site
}

// Mounts lists where each app is mounted, in invitation order: the current
// generation (the blog on echo v5, the events on fiber v3), then the legacy
// part of the site (the archive on echo v4, the legacy pages on fiber v2).
var Mounts = []Mount{
	{Prefix: "", Namespace: "shop", Framework: "gin v1", Home: "shop:home"},
	{Prefix: "/blog", Namespace: "blog", Framework: "echo v5", Home: "blog:index"},
	{Prefix: "/events", Namespace: "events", Framework: "fiber v3", Home: "events:index"},
	{Prefix: "/api", Namespace: "api", Framework: "gorilla/mux v1", Home: "api:docs"},
	{Prefix: "/admin", Namespace: "admin", Framework: "chi v5", Home: "admin:dashboard"},
	{Prefix: "/help", Namespace: "help", Framework: "net/http", Home: "help:index"},
	{Prefix: "/archive", Namespace: "archive", Framework: "echo v4", Home: "archive:index", Legacy: true},
	{Prefix: "/legacy", Namespace: "legacy", Framework: "fiber v2", Home: "legacy:index", Legacy: true},
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

	dir       *directory
	handler   http.Handler
	events    *fiberv3.App
	legacy    *fiber.App
	inspector *template.Template
}

// New builds the eight apps, mounts them in an http.ServeMux and wraps it in a
// party, which invites every app before New returns.
func New(o Options) (*Site, error) {
	s := &Site{Store: NewStore(), dir: &directory{}}
	// A successful invitation is a debug line: the command prints its own
	// listing of the apps. Warnings and errors stay as they are.
	partyLog := quiet(o.Logger)
	// Each app's own line (its namespace, mount prefix and routes) is for
	// -debug.
	var appLog *slog.Logger
	if o.Debug {
		appLog = partyLog
	}
	shop, _, err := newShop(s.Store, s.dir, partygin.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("shop: %w", err)
	}
	blog, err := newBlog(s.Store, s.dir, partyechov5.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("blog: %w", err)
	}
	s.events, err = newEvents(s.Store, s.dir, partyfiberv3.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	api, err := newAPI(s.Store, s.dir, partymux.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	admin, err := newAdmin(s.Store, s.dir, partychi.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("admin: %w", err)
	}
	s.legacy, err = newLegacy(s.Store, s.dir, partyfiber.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("legacy: %w", err)
	}
	help, err := newHelp(s.dir, partyhttp.WithLogger(appLog))
	if err != nil {
		return nil, fmt.Errorf("help: %w", err)
	}
	archive, err := newArchive(s.Store, s.dir, partyecho.WithLogger(appLog))
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

	s.Party, err = core.New(mux, InvitePaths(), core.WithLogger(partyLog))
	if err != nil {
		return nil, err
	}
	s.Builder = urlfor.New(s.Party)
	// The templates of every app read the directory; no page is served
	// before it is filled.
	s.dir.fill(s.Builder)
	s.inspector = parse(s.dir, "", urlfor.FuncMap(s.Builder), inspectorPages)
	mux.HandleFunc("GET "+InspectorPath, s.serveInspector)
	mux.Handle("GET "+StylesheetPath, stylesheet())
	mux.Handle("GET "+ManifestPath, s.Builder.ManifestHandler(s.manifestOptions()))
	mux.Handle("GET "+ClientPath, partylinejs.Handler())
	s.handler = limitBodies(s.Party, MaxBody)
	return s, nil
}

// ManifestPath is where the site serves its route manifest (every
// endpoint: it is a demo), for the JavaScript client.
const ManifestPath = InspectorPath + "/manifest.json"

// ClientPath is where the site serves partyline's JavaScript client, which
// the help app's client page imports.
const ClientPath = InspectorPath + "/partyline.js"

// StylesheetPath is where the site serves the one stylesheet every page
// links (embedded: the demo works offline).
const StylesheetPath = InspectorPath + "/site.css"

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
		fmt.Fprintf(w, "  %-8s %-9s %-15s %s%s\n", p.Namespace(), prefix, m.Framework, plural(n, "endpoint"), legacy)
	}
}
