package bench

import (
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	fiberv3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

func init() {
	// gin's debug mode prints every route it registers: 5000 lines per
	// party of 1000-route apps, in the middle of the benchmark output.
	gin.SetMode(gin.ReleaseMode)
}

// The target of every URL benchmark: a two-parameter route named "post" in
// each app, and the values it is built with. Every value is plain ASCII, so
// each builder does the same work (the floor escapes them too).
const (
	year = "2024"
	slug = "hello-world"
	// local is the path every framework's own reverse function gives: no
	// mount prefix.
	local = "/posts/" + year + "/" + slug
)

// The eight apps of a party, where they are mounted (their namespace is
// the prefix without "/") and their framework: five of the first adapters
// the two of issue 12, echo v5 and fiber v3, and net/http.
var mounts = []struct{ prefix, framework string }{
	{"/blog", "echo"},
	{"/shop", "gin"},
	{"/api", "gorilla/mux"},
	{"/admin", "chi"},
	{"/legacy", "fiber"},
	{"/blog5", "echo v5"},
	{"/events", "fiber v3"},
	{"/help", "net/http"},
}

// invitePaths lists the invite path of every app, in the order of mounts.
func invitePaths() []string {
	paths := make([]string, len(mounts))
	for i, m := range mounts {
		paths[i] = m.prefix + core.DefaultInvitePath
	}
	return paths
}

// apps are eight framework apps of n routes each, joined (their invite
// route registered) and mounted in an http.ServeMux with http.StripPrefix,
// but not yet invited.
type apps struct {
	n          int
	dispatcher *http.ServeMux
	echo       *echo.Echo
	gin        *gin.Engine
	ginHandle  *partygin.Handle
	mux        *mux.Router
	chi        *chi.Mux
	fiber      *fiber.App
	echo5      *echov5.Echo
	fiber3     *fiberv3.App
	std        *partyhttp.ServeMux
}

// fixture is a party of eight apps, invited.
type fixture struct {
	*apps
	party   *core.Party
	builder *urlfor.Builder
}

// hits counts the requests that reached the echo app's "post" handler,
// so that the ServeHTTP benchmarks can check that they served it.
var hits atomic.Int64

// routeAt returns the pattern and name of route i of an app of n routes:
// the target "post" in the middle of the table (the frameworks whose
// reverse function scans its routes find it, on average, as far as any
// other), filler routes of one parameter elsewhere. param formats a
// parameter in the framework's dialect.
func routeAt(i, n int, param func(string) string) (pattern, name string) {
	if i == n/2 {
		return "/posts/" + param("year") + "/" + param("slug"), "post"
	}
	return fmt.Sprintf("/r%d/%s", i, param("id")), fmt.Sprintf("r%d", i)
}

func colon(name string) string { return ":" + name }
func brace(name string) string { return "{" + name + "}" }

// siblingWords are the first segments of the static sibling routes
// ("/posts/new/{slug}") that newAppsWith registers beside the target's
// "/posts/{year}/{slug}", before it: a URL of the target with year "new"
// reaches the sibling in every framework, so the adapters refuse that year.
var siblingWords = []string{"new", "drafts", "feed"}

// siblingAt returns the pattern and name of sibling route i.
func siblingAt(i int, param func(string) string) (pattern, name string) {
	return "/posts/" + siblingWords[i] + "/" + param("slug"), "s-" + siblingWords[i]
}

// newApps builds eight apps of n routes each and their dispatcher.
func newApps(tb testing.TB, n int) *apps { return newAppsWith(tb, n, false) }

// newAppsWith is newApps, with the static sibling routes of siblingWords
// registered first in every app when siblings is set.
func newAppsWith(tb testing.TB, n int, siblings bool) *apps {
	tb.Helper()
	// The sibling routes come first, so that they precede the target in
	// the routers that try routes in order (gorilla/mux, fiber).
	base := n
	routeAt := func(i, _ int, param func(string) string) (string, string) {
		if siblings && i < len(siblingWords) {
			return siblingAt(i, param)
		}
		if siblings {
			i -= len(siblingWords)
		}
		return routeAt(i, base, param)
	}
	if siblings {
		n += len(siblingWords)
	}
	a := &apps{n: base, dispatcher: http.NewServeMux()}
	check := func(what string, err error) {
		if err != nil {
			tb.Fatalf("%s: %v", what, err)
		}
	}
	ok := func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

	// echo at /blog.
	a.echo = echo.New()
	_, err := partyecho.Join(a.echo)
	check("partyecho.Join", err)
	for i := range n {
		p, name := routeAt(i, n, colon)
		h := func(c echo.Context) error { return c.NoContent(http.StatusOK) }
		if name == "post" {
			h = func(c echo.Context) error { hits.Add(1); return c.NoContent(http.StatusOK) }
		}
		a.echo.GET(p, h).Name = name
	}

	// gin at /shop: names through a partygin Router.
	a.gin = gin.New()
	a.ginHandle, err = partygin.Join(a.gin)
	check("partygin.Join", err)
	gr := a.ginHandle.Router(a.gin)
	for i := range n {
		p, name := routeAt(i, n, colon)
		gr.Named(name).GET(p, func(c *gin.Context) { c.Status(http.StatusOK) })
	}

	// gorilla/mux at /api.
	a.mux = mux.NewRouter()
	for i := range n {
		p, name := routeAt(i, n, brace)
		a.mux.HandleFunc(p, ok).Methods(http.MethodGet).Name(name)
	}
	_, err = partymux.Join(a.mux)
	check("partymux.Join", err)

	// chi at /admin: names are middlewares (partychi.Name).
	a.chi = chi.NewRouter()
	_, err = partychi.Join(a.chi)
	check("partychi.Join", err)
	for i := range n {
		p, name := routeAt(i, n, brace)
		a.chi.With(partychi.Name(name)).Get(p, ok)
	}

	// fiber at /legacy, through partyfiber's bridge.
	a.fiber = fiber.New()
	_, err = partyfiber.Join(a.fiber)
	check("partyfiber.Join", err)
	for i := range n {
		p, name := routeAt(i, n, colon)
		a.fiber.Get(p, func(c *fiber.Ctx) error { return c.SendStatus(http.StatusOK) }).Name(name)
	}
	// fiber builds its routing tree on its first request, which would be
	// the invitation: build it now, so that the start-up benchmark times
	// the party and not fiber's own lazy start.
	a.fiber.Handler()

	// echo v5 at /blog5: names through echo's AddRoute (partyechov5.Named).
	a.echo5 = echov5.New()
	_, err = partyechov5.Join(a.echo5)
	check("partyechov5.Join", err)
	for i := range n {
		p, name := routeAt(i, n, colon)
		partyechov5.Named(a.echo5, name).GET(p, func(c *echov5.Context) error { return c.NoContent(http.StatusOK) })
	}

	// fiber v3 at /events, through partyfiberv3's bridge over fiber v3's
	// adaptor; its routing tree built now, as fiber v2's.
	a.fiber3 = fiberv3.New()
	_, err = partyfiberv3.Join(a.fiber3)
	check("partyfiberv3.Join", err)
	for i := range n {
		p, name := routeAt(i, n, colon)
		a.fiber3.Get(p, func(c fiberv3.Ctx) error { return c.SendStatus(http.StatusOK) }).Name(name)
	}
	a.fiber3.Handler()

	// net/http at /help: a ServeMux that names (partyhttp).
	a.std = partyhttp.NewServeMux()
	_, err = partyhttp.Join(a.std)
	check("partyhttp.Join", err)
	for i := range n {
		p, name := routeAt(i, n, brace)
		a.std.Named(name).HandleFunc("GET "+p, ok)
	}

	handlers := []http.Handler{a.echo, a.gin, a.mux, a.chi, partyfiber.Handler(a.fiber), a.echo5, partyfiberv3.Handler(a.fiber3), a.std}
	for i, m := range mounts {
		a.dispatcher.Handle(m.prefix+"/", http.StripPrefix(m.prefix, handlers[i]))
	}
	return a
}

// invite wraps the dispatcher of a in a party and checks that every app
// joined.
func invite(tb testing.TB, a *apps) *fixture {
	tb.Helper()
	p, err := core.New(a.dispatcher, invitePaths())
	if err != nil {
		tb.Fatalf("core.New: %v", err)
	}
	checkJoined(tb, p)
	return &fixture{apps: a, party: p, builder: urlfor.New(p)}
}

func checkJoined(tb testing.TB, p *core.Party) {
	tb.Helper()
	for _, inv := range p.Invitations() {
		if !inv.Joined {
			tb.Fatalf("the app at %s did not join: status %d, %v", inv.Path, inv.Status, inv.Err)
		}
	}
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[[2]int]*fixture{}
)

// party returns the party of eight apps of n routes each, made once and
// shared by the benchmarks that only read it.
func party(tb testing.TB, n int) *fixture { return partyWith(tb, n, false) }

// partyWith is party, with the apps of newAppsWith(n, siblings).
func partyWith(tb testing.TB, n int, siblings bool) *fixture {
	tb.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	key := [2]int{n, 0}
	if siblings {
		key[1] = 1
	}
	if f := fixtures[key]; f != nil {
		return f
	}
	f := invite(tb, newAppsWith(tb, n, siblings))
	fixtures[key] = f
	return f
}

// sizes are the numbers of routes per app the URL benchmarks compare.
var sizes = []int{10, 1000}
