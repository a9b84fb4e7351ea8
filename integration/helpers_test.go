package integration_test

// Shared pieces of the cross-framework tests (headline_test.go,
// crossapp_*_test.go): one app per framework with the same endpoints, the
// two dispatchers they are mounted in, and HTTP helpers that send exactly
// the URL under test. Identifiers start with "xf" (cross-framework) so that
// they do not meet the other test files of this package.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	partyhttp "github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// xfSeen is what every recording endpoint answers, as JSON: the app and the
// endpoint that served the request, its path parameters decoded as the
// framework documents (partyecho.Param, gin's c.Param, mux.Vars,
// partychi.URLParam, r.PathValue, url.PathUnescape of fiber's raw
// c.Params), and the first value of each query parameter.
type xfSeen struct {
	App      string            `json:"app"`
	Endpoint string            `json:"endpoint"`
	Params   map[string]string `json:"params"`
	Query    map[string]string `json:"query"`
}

func xfNewSeen(app, endpoint string) xfSeen {
	return xfSeen{App: app, Endpoint: endpoint, Params: map[string]string{}, Query: map[string]string{}}
}

func (s xfSeen) String() string {
	return fmt.Sprintf("%s:%s params=%q query=%q", s.App, s.Endpoint, s.Params, s.Query)
}

func xfFirstValues(q url.Values) map[string]string {
	m := make(map[string]string, len(q))
	for k, vs := range q {
		m[k] = vs[0]
	}
	return m
}

// xfLayout is the dispatcher the apps of a test are mounted in.
type xfLayout string

const (
	// xfServeMux mounts each app with http.ServeMux under
	// http.StripPrefix: the app sees its local paths.
	xfServeMux xfLayout = "ServeMux+StripPrefix"
	// xfChiMount mounts each app with chi's Mount, which does not strip the
	// prefix: apps whose router reads r.URL.Path (echo, gin, gorilla/mux,
	// net/http) register their routes under it and join with the full
	// invite route; chi apps route on chi's routing context and fiber apps
	// are given it with partyfiber.LocalPath, so both keep local routes.
	xfChiMount xfLayout = "chi.Mount"
)

var xfLayouts = []xfLayout{xfServeMux, xfChiMount}

// xfApp is one app of a test party, whatever its framework.
type xfApp struct {
	ns        string       // namespace; the app is mounted at "/"+ns unless root
	root      bool         // mounted at "/"
	framework string       // for messages
	base      string       // prefix of the app's own route paths: "" or "/"+ns under chi.Mount
	handler   http.Handler // what the dispatcher mounts
	wildKey   string       // the key of the "files" wildcard, as the framework names it
	// url is the handle's URL, called outside any request (every adapter
	// documents that its context argument may be nil).
	url         func(name string, pairs ...string) (string, error)
	participant func() (*urlfor.Participant, error)
	// errs receives every error the app's handlers met (link, jump, the
	// headline's buy...), so that tests inspect the typed error the adapter
	// returned inside the handler.
	errs chan error
	// add registers a route "GET <base><path>" named name while the app
	// serves (only the net/http app: partyhttp.ServeMux allows it).
	add func(name, path string)
}

func (a *xfApp) prefix() string {
	if a.root {
		return ""
	}
	return "/" + a.ns
}

func (a *xfApp) invitePath() string { return a.prefix() + core.DefaultInvitePath }

// linkTarget is the request target of the app's link endpoint, asking it to
// build name with pairs: "/echo/link?name=gin%3Ashow&p=v&p=a+b". The
// endpoint builds a path with the adapter's URL helper, or, given an "abs"
// query parameter, an absolute URL with its AbsoluteURL. The app's jump
// endpoint takes the same query and answers with the adapter's Redirect
// (303).
func (a *xfApp) linkTarget(name string, pairs ...string) string {
	return a.linkTargetQuery(url.Values{"name": {name}}, pairs...)
}

func (a *xfApp) linkTargetQuery(q url.Values, pairs ...string) string {
	return a.target("/link", q, pairs...)
}

// jumpTarget is linkTarget for the jump endpoint.
func (a *xfApp) jumpTarget(name string, pairs ...string) string {
	return a.target("/jump", url.Values{"name": {name}}, pairs...)
}

func (a *xfApp) target(path string, q url.Values, pairs ...string) string {
	if len(pairs) > 0 {
		q["p"] = pairs
	}
	return a.prefix() + path + "?" + q.Encode()
}

// lastErr returns the error a handler of the app met last, or nil.
func (a *xfApp) lastErr() error {
	var last error
	for {
		select {
		case err := <-a.errs:
			last = err
		default:
			return last
		}
	}
}

// reportLink hands err to the test and gives the answer of a link
// endpoint: the URL with 200, or the error's message with 500.
func (a *xfApp) reportLink(u string, err error) (int, string) {
	if err != nil {
		select {
		case a.errs <- err:
		default:
		}
		return http.StatusInternalServerError, err.Error()
	}
	return http.StatusOK, u
}

// reportError is reportLink for an endpoint that failed.
func (a *xfApp) reportError(err error) (int, string) { return a.reportLink("", err) }

func xfNewApp(layout xfLayout, ns, framework, wildKey string) *xfApp {
	a := &xfApp{ns: ns, framework: framework, wildKey: wildKey, errs: make(chan error, 64)}
	if layout == xfChiMount {
		a.base = "/" + ns
	}
	return a
}

func xfMust(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// xfEcho is an echo app with the endpoints show (/show/:v), files
// (/files/*), link and jump, named as echo names routes.
func xfEcho(t testing.TB, layout xfLayout, ns string) *xfApp {
	a := xfNewApp(layout, ns, "echo", "*")
	e := echo.New()
	opts := []partyecho.Option{partyecho.Namespace(ns)}
	if a.base != "" {
		opts = append(opts, partyecho.InviteRoute(a.base+core.DefaultInvitePath))
	}
	h, err := partyecho.Join(e, opts...)
	xfMust(t, err)
	g := e.Group(a.base)
	g.GET("/show/:v", xfEchoRecord(ns, "show", "v")).Name = "show"
	g.GET("/files/*", xfEchoRecord(ns, "files", "*")).Name = "files"
	g.GET("/link", func(c echo.Context) error {
		build := partyecho.URL
		if c.QueryParam("abs") != "" {
			build = partyecho.AbsoluteURL
		}
		u, err := build(c, c.QueryParam("name"), c.QueryParams()["p"]...)
		code, body := a.reportLink(u, err)
		return c.String(code, body)
	}).Name = "link"
	g.GET("/jump", func(c echo.Context) error {
		if err := partyecho.Redirect(c, http.StatusSeeOther, c.QueryParam("name"), c.QueryParams()["p"]...); err != nil {
			code, body := a.reportLink("", err)
			return c.String(code, body)
		}
		return nil
	}).Name = "jump"
	a.handler = e
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

func xfEchoRecord(app, endpoint string, keys ...string) echo.HandlerFunc {
	return func(c echo.Context) error {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			v, err := partyecho.Param(c, k)
			if err != nil {
				v = "!error: " + err.Error()
			}
			s.Params[k] = v
		}
		s.Query = xfFirstValues(c.QueryParams())
		return c.JSON(http.StatusOK, s)
	}
}

// xfGin is a gin engine with show (/show/:v), files (/files/*path), link
// and jump, named with partygin's Router.
func xfGin(t testing.TB, layout xfLayout, ns string) *xfApp {
	gin.SetMode(gin.TestMode)
	a := xfNewApp(layout, ns, "gin", "path")
	engine := gin.New()
	opts := []partygin.Option{partygin.Namespace(ns)}
	if a.base != "" {
		opts = append(opts, partygin.InviteRoute(a.base+core.DefaultInvitePath))
	}
	h, err := partygin.Join(engine, opts...)
	xfMust(t, err)
	engine.Use(h.Middleware())
	r := h.Router(engine).Group(a.base)
	r.Named("show").GET("/show/:v", xfGinRecord(ns, "show", "v"))
	r.Named("files").GET("/files/*path", xfGinRecord(ns, "files", "path"))
	r.Named("link").GET("/link", func(c *gin.Context) {
		build := partygin.URL
		if c.Query("abs") != "" {
			build = partygin.AbsoluteURL
		}
		u, err := build(c, c.Query("name"), c.QueryArray("p")...)
		code, body := a.reportLink(u, err)
		c.String(code, body)
	})
	r.Named("jump").GET("/jump", func(c *gin.Context) {
		if err := partygin.Redirect(c, http.StatusSeeOther, c.Query("name"), c.QueryArray("p")...); err != nil {
			code, body := a.reportLink("", err)
			c.String(code, body)
		}
	})
	a.handler = engine
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

// xfGinRecord reports gin's c.Param values (decoded, gin's default mode);
// a catch-all's value loses the leading "/" gin gives it.
func xfGinRecord(app, endpoint string, keys ...string) gin.HandlerFunc {
	return func(c *gin.Context) {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			v := c.Param(k)
			if strings.Contains(c.FullPath(), "*"+k) {
				v = strings.TrimPrefix(v, "/")
			}
			s.Params[k] = v
		}
		s.Query = xfFirstValues(c.Request.URL.Query())
		c.JSON(http.StatusOK, s)
	}
}

// xfMux is a gorilla/mux router with show (/show/{v}), files
// (/files/{path:.*}), about, link and jump. Under chi.Mount it joins through a
// PathPrefix subrouter.
func xfMux(t testing.TB, layout xfLayout, ns string) *xfApp {
	a := xfNewApp(layout, ns, "gorilla/mux", "path")
	router := mux.NewRouter()
	r := router
	if a.base != "" {
		r = router.PathPrefix(a.base).Subrouter()
	}
	h, err := partymux.Join(r, partymux.Namespace(ns))
	xfMust(t, err)
	r.HandleFunc("/show/{v}", xfMuxRecord(ns, "show", "v")).Methods(http.MethodGet).Name("show")
	r.HandleFunc("/files/{path:.*}", xfMuxRecord(ns, "files", "path")).Methods(http.MethodGet).Name("files")
	r.HandleFunc("/about", xfMuxRecord(ns, "about")).Methods(http.MethodGet).Name("about")
	r.HandleFunc("/link", func(w http.ResponseWriter, req *http.Request) {
		q := req.URL.Query()
		build := partymux.URL
		if q.Has("abs") {
			build = partymux.AbsoluteURL
		}
		u, err := build(req, q.Get("name"), q["p"]...)
		code, body := a.reportLink(u, err)
		xfWriteText(w, code, body)
	}).Methods(http.MethodGet).Name("link")
	r.HandleFunc("/jump", func(w http.ResponseWriter, req *http.Request) {
		q := req.URL.Query()
		if err := partymux.Redirect(w, req, http.StatusSeeOther, q.Get("name"), q["p"]...); err != nil {
			code, body := a.reportError(err)
			xfWriteText(w, code, body)
		}
	}).Methods(http.MethodGet).Name("jump")
	a.handler = router
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

func xfMuxRecord(app, endpoint string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			s.Params[k] = mux.Vars(r)[k]
		}
		xfWriteSeen(w, r, s)
	}
}

// xfChi is a chi router with show (/show/{v}), files (/files/*), about and
// link and jump, named with partychi.Name. It keeps local routes in both layouts.
func xfChi(t testing.TB, layout xfLayout, ns string) *xfApp {
	a := xfNewApp(layout, ns, "chi", "*")
	a.base = "" // chi's Mount hands a chi router the rest of the path
	r := chi.NewRouter()
	h, err := partychi.Join(r, partychi.Namespace(ns))
	xfMust(t, err)
	r.Group(func(r chi.Router) {
		r.Use(h.Middleware)
		r.With(partychi.Name("show")).Get("/show/{v}", xfChiRecord(ns, "show", "v"))
		r.With(partychi.Name("files")).Get("/files/*", xfChiRecord(ns, "files", "*"))
		r.With(partychi.Name("about")).Get("/about", xfChiRecord(ns, "about"))
		r.With(partychi.Name("link")).Get("/link", func(w http.ResponseWriter, req *http.Request) {
			q := req.URL.Query()
			build := partychi.URL
			if q.Has("abs") {
				build = partychi.AbsoluteURL
			}
			u, err := build(req, q.Get("name"), q["p"]...)
			code, body := a.reportLink(u, err)
			xfWriteText(w, code, body)
		})
		r.With(partychi.Name("jump")).Get("/jump", func(w http.ResponseWriter, req *http.Request) {
			q := req.URL.Query()
			if err := partychi.Redirect(w, req, http.StatusSeeOther, q.Get("name"), q["p"]...); err != nil {
				code, body := a.reportError(err)
				xfWriteText(w, code, body)
			}
		})
	})
	a.handler = r
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

func xfChiRecord(app, endpoint string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			s.Params[k] = partychi.URLParam(r, k)
		}
		xfWriteSeen(w, r, s)
	}
}

// xfStd is a net/http app (partyhttp.ServeMux) with show
// ("GET /show/{v}"), files ("GET /files/{path...}"), link and jump.
func xfStd(t testing.TB, layout xfLayout, ns string) *xfApp {
	a := xfNewApp(layout, ns, "net/http", "path")
	m := partyhttp.NewServeMux()
	opts := []partyhttp.Option{partyhttp.Namespace(ns)}
	if a.base != "" {
		opts = append(opts, partyhttp.InviteRoute(a.base+core.DefaultInvitePath))
	}
	h, err := partyhttp.Join(m, opts...)
	xfMust(t, err)
	m.Named("show").HandleFunc("GET "+a.base+"/show/{v}", xfStdRecord(ns, "show", "v"))
	m.Named("files").HandleFunc("GET "+a.base+"/files/{path...}", xfStdRecord(ns, "files", "path"))
	m.Named("link").HandleFunc("GET "+a.base+"/link", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		build := h.URL
		if q.Has("abs") {
			build = h.AbsoluteURL
		}
		u, err := build(r, q.Get("name"), q["p"]...)
		code, body := a.reportLink(u, err)
		xfWriteText(w, code, body)
	})
	m.Named("jump").HandleFunc("GET "+a.base+"/jump", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := h.Redirect(w, r, http.StatusSeeOther, q.Get("name"), q["p"]...); err != nil {
			code, body := a.reportError(err)
			xfWriteText(w, code, body)
		}
	})
	a.add = func(name, path string) {
		m.Named(name).HandleFunc("GET "+a.base+path, xfStdRecord(ns, name, "v"))
	}
	a.handler = m
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

func xfStdRecord(app, endpoint string, keys ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			s.Params[k] = r.PathValue(k)
		}
		xfWriteSeen(w, r, s)
	}
}

// xfFiber is a fiber app (fiber's defaults: raw paths) with show
// (/show/:v), files (/files/*, read as "*1"), link and jump, mounted through the
// partyfiber bridge. It keeps local routes in both layouts: under chi.Mount
// the bridge gets chi's RoutePath with partyfiber.LocalPath.
func xfFiber(t testing.TB, layout xfLayout, ns string) *xfApp {
	a := xfNewApp(layout, ns, "fiber", "*1")
	a.base = "" // partyfiber.LocalPath gives it the rest of the path
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	h, err := partyfiber.Join(app, partyfiber.Namespace(ns))
	xfMust(t, err)
	app.Get("/show/:v", xfFiberRecord(ns, "show", "v")).Name("show")
	app.Get("/files/*", xfFiberRecord(ns, "files", "*1")).Name("files")
	app.Get("/link", func(c *fiber.Ctx) error {
		// fiber's strings point into fasthttp's buffers, reused after
		// the handler returns (fiber's Immutable setting): copy them.
		name := strings.Clone(c.Query("name"))
		var pairs []string
		for _, p := range c.Context().QueryArgs().PeekMulti("p") {
			pairs = append(pairs, string(p))
		}
		build := partyfiber.URL
		if len(c.Context().QueryArgs().Peek("abs")) > 0 {
			build = h.AbsoluteURL
		}
		u, err := build(c, name, pairs...)
		code, body := a.reportLink(u, err)
		return c.Status(code).SendString(body)
	}).Name("link")
	app.Get("/jump", func(c *fiber.Ctx) error {
		name := strings.Clone(c.Query("name"))
		var pairs []string
		for _, p := range c.Context().QueryArgs().PeekMulti("p") {
			pairs = append(pairs, string(p))
		}
		if err := partyfiber.Redirect(c, http.StatusSeeOther, name, pairs...); err != nil {
			code, body := a.reportError(err)
			return c.Status(code).SendString(body)
		}
		return nil
	}).Name("jump")
	if layout == xfChiMount {
		a.handler = partyfiber.NewBridge(app, partyfiber.LocalPath(func(r *http.Request) string {
			return chi.RouteContext(r.Context()).RoutePath
		}))
	} else {
		a.handler = partyfiber.Handler(app)
	}
	a.url = func(name string, pairs ...string) (string, error) { return h.URL(nil, name, pairs...) }
	a.participant = h.Participant
	return a
}

func xfFiberRecord(app, endpoint string, keys ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		s := xfNewSeen(app, endpoint)
		for _, k := range keys {
			v, err := url.PathUnescape(c.Params(k))
			if err != nil {
				v = "!error: " + err.Error()
			}
			s.Params[k] = v
		}
		s.Query = c.Queries()
		return c.JSON(s)
	}
}

func xfWriteSeen(w http.ResponseWriter, r *http.Request, s xfSeen) {
	s.Query = xfFirstValues(r.URL.Query())
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s)
}

func xfWriteText(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	_, _ = io.WriteString(w, body)
}

// xfMatrixApps returns one app of each framework, namespaces named after
// them, each mounted at "/"+namespace.
func xfMatrixApps(t testing.TB, layout xfLayout) []*xfApp {
	return []*xfApp{
		xfEcho(t, layout, "echo"),
		xfGin(t, layout, "gin"),
		xfMux(t, layout, "mux"),
		xfChi(t, layout, "chi"),
		xfStd(t, layout, "std"),
		xfFiber(t, layout, "fiber"),
	}
}

// xfDispatcher mounts apps in the layout's dispatcher and returns it with
// the invite paths, in order.
func xfDispatcher(layout xfLayout, apps ...*xfApp) (http.Handler, []string) {
	var invites []string
	for _, a := range apps {
		invites = append(invites, a.invitePath())
	}
	if layout == xfChiMount {
		r := chi.NewRouter()
		for _, a := range apps {
			if a.root {
				r.Mount("/", a.handler)
			} else {
				r.Mount(a.prefix(), a.handler)
			}
		}
		return r, invites
	}
	m := http.NewServeMux()
	for _, a := range apps {
		if a.root {
			m.Handle("/", a.handler)
		} else {
			m.Handle(a.prefix()+"/", http.StripPrefix(a.prefix(), a.handler))
		}
	}
	return m, invites
}

// xfServe wraps the dispatcher of apps in core.New, checks that every app
// joined, and serves the party on a real server, closed with the test.
func xfServe(t testing.TB, layout xfLayout, apps ...*xfApp) (*core.Party, *httptest.Server) {
	t.Helper()
	d, invites := xfDispatcher(layout, apps...)
	p, err := core.New(d, invites)
	if err != nil {
		t.Fatalf("core.New: %v", err)
	}
	for _, inv := range p.Invitations() {
		if !inv.Joined || inv.Status != http.StatusOK {
			t.Fatalf("invitation %s: %+v", inv.Path, inv)
		}
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return p, srv
}

// xfFetch GETs target (a path and query, maybe with a fragment, which is
// not sent) from base without following redirects, with header (name,
// value, name, value...). It fails when the client would send another
// request target than the one under test.
func xfFetch(client *http.Client, base, target string, header ...string) (status int, location, body string, err error) {
	target, _, _ = strings.Cut(target, "#")
	req, err := http.NewRequest(http.MethodGet, base+target, nil)
	if err != nil {
		return 0, "", "", err
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	if got := req.URL.RequestURI(); got != target {
		return 0, "", "", fmt.Errorf("the client would send %q for %q", got, target)
	}
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b), err
}

// xfFetchSeen GETs target and decodes what the endpoint saw; anything but
// 200 with an xfSeen is an error.
func xfFetchSeen(client *http.Client, base, target string) (xfSeen, error) {
	var s xfSeen
	status, _, body, err := xfFetch(client, base, target)
	if err != nil {
		return s, err
	}
	if status != http.StatusOK {
		return s, fmt.Errorf("GET %s: %d %s", target, status, body)
	}
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		return s, fmt.Errorf("GET %s: %v in %s", target, err, body)
	}
	return s, nil
}

// xfLink asks app a, over HTTP, to build name with pairs in its link
// endpoint. It returns the URL, or the adapter's error as a's handler met
// it (the message came over HTTP with a 500).
func xfLink(client *http.Client, base string, a *xfApp, name string, pairs ...string) (string, error) {
	return xfLinkTarget(client, base, a, a.linkTarget(name, pairs...))
}

// xfLinkAbs is xfLink asking for an absolute URL (the adapter's
// AbsoluteURL).
func xfLinkAbs(client *http.Client, base string, a *xfApp, name string, pairs ...string) (string, error) {
	return xfLinkTarget(client, base, a, a.linkTargetQuery(url.Values{"name": {name}, "abs": {"1"}}, pairs...))
}

func xfLinkTarget(client *http.Client, base string, a *xfApp, target string) (string, error) {
	status, _, body, err := xfFetch(client, base, target)
	switch {
	case err != nil:
		return "", err
	case status == http.StatusOK:
		return body, nil
	case status == http.StatusInternalServerError:
		if herr := a.lastErr(); herr != nil {
			return "", xfHandlerError{herr}
		}
		return "", fmt.Errorf("GET %s: 500 %s, and no error reached the test", target, body)
	}
	return "", fmt.Errorf("GET %s: %d %s", target, status, body)
}

// xfHandlerError is an error a handler met, carried to the test as is (so
// errors.As sees the adapter's typed error).
type xfHandlerError struct{ err error }

func (e xfHandlerError) Error() string { return e.err.Error() }
func (e xfHandlerError) Unwrap() error { return e.err }

func xfGet(t testing.TB, srv *httptest.Server, target string) (int, string, string) {
	t.Helper()
	status, loc, body, err := xfFetch(srv.Client(), srv.URL, target)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	return status, loc, body
}

func xfFollow(t testing.TB, srv *httptest.Server, target string) xfSeen {
	t.Helper()
	s, err := xfFetchSeen(srv.Client(), srv.URL, target)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// xfWildcard escapes a wildcard value as urlfor documents it: each
// "/"-separated segment as net/url writes a path (url.URL.EscapedPath, the
// escaping urlfor's package doc promises), "/" kept.
func xfWildcard(v string) string { return (&url.URL{Path: "/" + v}).EscapedPath()[1:] }

// xfSegment is v escaped as one path segment: as net/url writes a path,
// with "/" as "%2F".
func xfSegment(v string) string { return strings.ReplaceAll(xfWildcard(v), "/", "%2F") }

// xfIsHandlerErr reports whether err came from inside a handler.
func xfIsHandlerErr(err error) bool {
	var h xfHandlerError
	return errors.As(err, &h)
}
