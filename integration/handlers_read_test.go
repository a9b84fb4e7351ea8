package integration_test

// Issue 13: what a handler reads. Ten apps (every framework, fiber under
// both UnescapePath settings) in one http.ServeMux behind http.StripPrefix,
// each with a one-segment parameter route ("item") and a catch-all route
// ("files"). For every value of hrValues, the party's builder builds both
// URLs; the test fetches them over real HTTP and compares what the handler
// read, the framework's own way (c.Param, chi.URLParam, mux.Vars, c.Params,
// r.PathValue) and through the adapter's helper, with what was put in.
// The README's "What your handler reads" table is written from what this
// test observed (go test -run TestWhatHandlersRead -update-readme).

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	fiber2 "github.com/gofiber/fiber/v2"
	fiber3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/mux"
	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
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

var hrUpdate = flag.Bool("update-readme", false, "rewrite the README's \"What your handler reads\" table from TestWhatHandlersRead")

// hrValues is the catalogue: plain text, spaces, non-ASCII, every
// sub-delimiter, "%" alone and in escape look-alikes, placeholder
// look-alikes, characters a path must escape, and "/" (last five).
var hrValues = []string{
	"plain", "a b", "a+b", "café", "日本語", "🎉",
	"100%", "100%-cotton", "%2F", "%", "%zz",
	"a,b", "Smith, John", "a;b", "k=v;x=y", "a&b", "$5", "@me", "a:b", "a!", "a'b", "(a)", "a*",
	":id", "*", "*path", "{id}", "<tag>", "[x]",
	"a?b", "a#b", `a"b`, `a\b`, "tab\there", "~user", ".hidden", "a.", "...",
	"a/b", "x y/z w", "é/ü", "a/100%", "a,b/c;d",
}

// hrRead is what every route of the test apps answers.
type hrRead struct {
	Route  string `json:"route"`
	Native string `json:"native"` // the framework's own accessor
	Param  string `json:"param"`  // the adapter's helper, or "error: ..."
}

// hrApp is one app of the test.
type hrApp struct {
	framework string // row label
	ns        string // namespace, mounted at "/"+ns
	native    string // the accessor handlers read, for the table
	helper    string // the adapter's exact helper ("" when native is it)
	paramKey  string // key of item's parameter
	wildKey   string // key of files' catch-all
	// decodes: the router matches the decoded path, so a "/" inside one
	// segment cannot be routed back and is refused at build (gin, gorilla/mux,
	// fiber with UnescapePath, as each documents).
	decodes bool
	// plusIsSpace: the router decodes the path as a form value, "+" as a
	// space and "%2B" as "+" alike (fiber's UnescapePath uses fasthttp's
	// AppendUnquotedArg), so a "+" cannot be routed back and is refused.
	plusIsSpace bool
	// slashWild: the catch-all's value is handed with a leading "/" (gin).
	slashWild bool
	// nativeExact: where the issue requires the framework's accessor to be
	// exact (nil: nowhere; fiber's c.Params is raw by default).
	nativeExact func(v string, wildcard bool) bool
	handler     http.Handler
}

func hrAlways(string, bool) bool { return true }

// hrNoSlashInSegment: exact except a "/" inside one segment, which makes
// net/url keep a RawPath that echo and chi route on and hand raw.
func hrNoSlashInSegment(v string, wildcard bool) bool {
	return wildcard || !strings.Contains(v, "/")
}

func hrWrite(w http.ResponseWriter, rd hrRead) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(rd)
}

func hrParam(v string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return v
}

func hrEcho4(t *testing.T) *hrApp {
	e := echo4.New()
	_, err := partyecho.Join(e, partyecho.Namespace("echo4"))
	xfMust(t, err)
	read := func(route, key string) echo4.HandlerFunc {
		return func(c echo4.Context) error {
			v, err := partyecho.Param(c, key)
			return c.JSON(http.StatusOK, hrRead{route, c.Param(key), hrParam(v, err)})
		}
	}
	e.GET("/items/:v", read("item", "v")).Name = "item"
	e.GET("/files/*", read("files", "*")).Name = "files"
	return &hrApp{framework: "echo v4", ns: "echo4", native: "c.Param", helper: "partyecho.Param",
		paramKey: "v", wildKey: "*", nativeExact: hrNoSlashInSegment, handler: e}
}

func hrEcho5(t *testing.T) *hrApp {
	e := echo5.New()
	_, err := partyechov5.Join(e, partyechov5.Namespace("echo5"))
	xfMust(t, err)
	read := func(route, key string) echo5.HandlerFunc {
		return func(c *echo5.Context) error {
			v, err := partyechov5.Param(c, key)
			return c.JSON(http.StatusOK, hrRead{route, c.Param(key), hrParam(v, err)})
		}
	}
	partyechov5.Named(e, "item").GET("/items/:v", read("item", "v"))
	partyechov5.Named(e, "files").GET("/files/*", read("files", "*"))
	return &hrApp{framework: "echo v5", ns: "echo5", native: "c.Param", helper: "partyechov5.Param",
		paramKey: "v", wildKey: "*", nativeExact: hrNoSlashInSegment, handler: e}
}

func hrGin(t *testing.T) *hrApp {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine, partygin.Namespace("gin"))
	xfMust(t, err)
	read := func(route, key string) gin.HandlerFunc {
		return func(c *gin.Context) { hrWrite(c.Writer, hrRead{route, c.Param(key), c.Param(key)}) }
	}
	r := h.Router(engine)
	r.Named("item").GET("/items/:v", read("item", "v"))
	r.Named("files").GET("/files/*path", read("files", "path"))
	return &hrApp{framework: "gin", ns: "gin", native: "c.Param",
		paramKey: "v", wildKey: "path", decodes: true, slashWild: true, nativeExact: hrAlways, handler: engine}
}

func hrMux(t *testing.T) *hrApp {
	r := mux.NewRouter()
	_, err := partymux.Join(r, partymux.Namespace("mux"))
	xfMust(t, err)
	read := func(route, key string) http.HandlerFunc {
		return func(w http.ResponseWriter, req *http.Request) {
			v := mux.Vars(req)[key]
			hrWrite(w, hrRead{route, v, v})
		}
	}
	r.HandleFunc("/items/{v}", read("item", "v")).Methods(http.MethodGet).Name("item")
	r.HandleFunc("/files/{path:.*}", read("files", "path")).Methods(http.MethodGet).Name("files")
	return &hrApp{framework: "gorilla/mux", ns: "mux", native: "mux.Vars",
		paramKey: "v", wildKey: "path", decodes: true, nativeExact: hrAlways, handler: r}
}

func hrChi(t *testing.T) *hrApp {
	r := chi.NewRouter()
	_, err := partychi.Join(r, partychi.Namespace("chi"))
	xfMust(t, err)
	read := func(route, key string) http.HandlerFunc {
		return func(w http.ResponseWriter, req *http.Request) {
			hrWrite(w, hrRead{route, chi.URLParam(req, key), partychi.URLParam(req, key)})
		}
	}
	r.With(partychi.Name("item")).Get("/items/{v}", read("item", "v"))
	r.With(partychi.Name("files")).Get("/files/*", read("files", "*"))
	return &hrApp{framework: "chi", ns: "chi", native: "chi.URLParam", helper: "partychi.URLParam",
		paramKey: "v", wildKey: "*", nativeExact: hrNoSlashInSegment, handler: r}
}

func hrStd(t *testing.T) *hrApp {
	m := partyhttp.NewServeMux()
	_, err := partyhttp.Join(m, partyhttp.Namespace("std"))
	xfMust(t, err)
	read := func(route, key string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			hrWrite(w, hrRead{route, r.PathValue(key), r.PathValue(key)})
		}
	}
	m.Named("item").HandleFunc("GET /items/{v}", read("item", "v"))
	m.Named("files").HandleFunc("GET /files/{path...}", read("files", "path"))
	return &hrApp{framework: "net/http", ns: "std", native: "r.PathValue",
		paramKey: "v", wildKey: "path", nativeExact: hrAlways, handler: m}
}

func hrFiber2(t *testing.T, unescape bool) *hrApp {
	app := fiber2.New(fiber2.Config{DisableStartupMessage: true, UnescapePath: unescape})
	a := &hrApp{framework: "fiber v2", ns: "fiber2", native: "c.Params", helper: "partyfiber.Param",
		paramKey: "v", wildKey: "*", handler: partyfiber.Handler(app)}
	if unescape {
		a.framework, a.ns, a.decodes, a.plusIsSpace, a.nativeExact = "fiber v2, UnescapePath", "fiber2u", true, true, hrAlways
	}
	_, err := partyfiber.Join(app, partyfiber.Namespace(a.ns))
	xfMust(t, err)
	read := func(route, key string) fiber2.Handler {
		return func(c *fiber2.Ctx) error {
			v, err := partyfiber.Param(c, key)
			return c.JSON(hrRead{route, c.Params(key), hrParam(v, err)})
		}
	}
	app.Get("/items/:v", read("item", "v")).Name("item")
	app.Get("/files/*", read("files", "*")).Name("files")
	return a
}

func hrFiber3(t *testing.T, unescape bool) *hrApp {
	app := fiber3.New(fiber3.Config{UnescapePath: unescape})
	a := &hrApp{framework: "fiber v3", ns: "fiber3", native: "c.Params", helper: "partyfiberv3.Param",
		paramKey: "v", wildKey: "*", handler: partyfiberv3.Handler(app)}
	if unescape {
		a.framework, a.ns, a.decodes, a.plusIsSpace, a.nativeExact = "fiber v3, UnescapePath", "fiber3u", true, true, hrAlways
	}
	_, err := partyfiberv3.Join(app, partyfiberv3.Namespace(a.ns))
	xfMust(t, err)
	read := func(route, key string) fiber3.Handler {
		return func(c fiber3.Ctx) error {
			v, err := partyfiberv3.Param(c, key)
			return c.JSON(hrRead{route, c.Params(key), hrParam(v, err)})
		}
	}
	app.Get("/items/:v", read("item", "v")).Name("item")
	app.Get("/files/*", read("files", "*")).Name("files")
	return a
}

// hrOutcome is what one value did on one route of one app.
type hrOutcome struct {
	refused     bool
	nativeExact bool
}

// TestWhatHandlersRead: no URL that builds reaches the wrong route or
// value; a build is refused only for "/" inside one segment where the
// router matches the decoded path (and for "+" where it reads "+" as a
// space); the framework's accessor is exact
// where nativeExact says (gin, gorilla/mux, net/http: everywhere; echo v4,
// echo v5 and chi: all but "/" inside one segment; fiber with
// UnescapePath: everywhere) and the adapter's helper everywhere. The README's table is
// what it saw.
func TestWhatHandlersRead(t *testing.T) {
	apps := []*hrApp{hrEcho4(t), hrEcho5(t), hrGin(t), hrMux(t), hrChi(t), hrStd(t),
		hrFiber2(t, false), hrFiber2(t, true), hrFiber3(t, false), hrFiber3(t, true)}
	dispatch := http.NewServeMux()
	var paths []string
	for _, a := range apps {
		prefix := "/" + a.ns
		dispatch.Handle(prefix+"/", http.StripPrefix(prefix, a.handler))
		paths = append(paths, prefix+core.DefaultInvitePath)
	}
	party, err := core.New(dispatch, paths)
	xfMust(t, err)
	for _, inv := range party.Invitations() {
		if !inv.Joined {
			t.Fatalf("%s did not join: %+v", inv.Path, inv)
		}
	}
	srv := httptest.NewServer(party)
	defer srv.Close()
	b := urlfor.New(party)

	results := make(map[*hrApp][2][]hrOutcome)
	for _, a := range apps {
		var res [2][]hrOutcome
		for _, v := range hrValues {
			for i, wildcard := range []bool{false, true} {
				res[i] = append(res[i], hrTry(t, srv, b, a, v, wildcard))
			}
		}
		results[a] = res
	}
	table := hrTable(apps, results)
	hrCheckReadme(t, table)
}

// hrTry builds v into a's item (or files) URL, fetches it and checks what
// the handler read.
func hrTry(t *testing.T, srv *httptest.Server, b *urlfor.Builder, a *hrApp, v string, wildcard bool) hrOutcome {
	t.Helper()
	route, key, want := "item", a.paramKey, v
	if wildcard {
		route, key = "files", a.wildKey
		if a.slashWild {
			want = "/" + v
		}
	}
	where := fmt.Sprintf("%s %s %q", a.framework, route, v)
	u, err := b.URL(a.ns+":"+route, key, v)
	if err != nil {
		var pe *urlfor.ParamError
		slashInSegment := !wildcard && a.decodes && strings.Contains(v, "/")
		plus := a.plusIsSpace && strings.Contains(v, "+")
		if !errors.As(err, &pe) || !slashInSegment && !plus {
			t.Errorf("%s: refused: %v", where, err)
		}
		return hrOutcome{refused: true}
	}
	resp, err := srv.Client().Get(srv.URL + u)
	if err != nil {
		t.Fatalf("%s: GET %s: %v", where, u, err)
	}
	defer resp.Body.Close()
	var rd hrRead
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&rd) != nil {
		t.Errorf("%s: GET %s: %s", where, u, resp.Status)
		return hrOutcome{}
	}
	if rd.Route != route || rd.Param != want {
		t.Errorf("%s: GET %s reached %q with %s %q, want %q", where, u, rd.Route, a.helperName(), rd.Param, want)
	}
	exact := rd.Native == want
	if !exact && a.nativeExact != nil && a.nativeExact(v, wildcard) {
		t.Errorf("%s: GET %s: %s gives %q, want %q", where, u, a.native, rd.Native, want)
	}
	return hrOutcome{nativeExact: exact}
}

func (a *hrApp) helperName() string {
	if a.helper == "" {
		return a.native
	}
	return a.helper
}

// hrTable is the README's table: per app, how many catalogue values the
// framework's accessor reads exactly on each route, which it does not, and
// which builds are refused.
func hrTable(apps []*hrApp, results map[*hrApp][2][]hrOutcome) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "| framework | handler reads | one-segment parameter (%d values) | catch-all (%d values) | exact for every built URL |\n", len(hrValues), len(hrValues))
	sb.WriteString("|---|---|---|---|---|\n")
	for _, a := range apps {
		res := results[a]
		fmt.Fprintf(&sb, "| %s | `%s` | %s | %s | `%s` |\n", a.framework, a.native,
			hrCell(res[0]), hrCell(res[1]), a.helperName())
	}
	return sb.String()
}

func hrCell(outs []hrOutcome) string {
	var exact int
	var refused, raw []string
	for i, o := range outs {
		switch {
		case o.refused:
			refused = append(refused, hrValues[i])
		case o.nativeExact:
			exact++
		default:
			raw = append(raw, hrValues[i])
		}
	}
	cell := fmt.Sprintf("%d exact", exact)
	if len(raw) > 0 {
		cell += fmt.Sprintf(", %d escaped (%s)", len(raw), hrList(raw))
	}
	if len(refused) > 0 {
		cell += fmt.Sprintf(", %d refused (%s)", len(refused), hrList(refused))
	}
	return cell
}

// hrList quotes up to three values, Go-style, escaped for a Markdown
// table cell.
func hrList(vs []string) string {
	var q []string
	for i, v := range vs {
		if i == 3 {
			q = append(q, "…")
			break
		}
		q = append(q, "`"+strings.ReplaceAll(fmt.Sprintf("%q", v), "|", `\|`)+"`")
	}
	return strings.Join(q, " ")
}

const (
	hrBegin = "<!-- handlers-read: begin (written by integration's TestWhatHandlersRead -update-readme) -->\n"
	hrEnd   = "<!-- handlers-read: end -->"
)

// hrCheckReadme fails unless the README's table is table; with
// -update-readme it rewrites it instead.
func hrCheckReadme(t *testing.T, table string) {
	const path = "../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, hrBegin), strings.Index(s, hrEnd)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", path, strings.TrimSpace(hrBegin), hrEnd)
	}
	if got := s[i+len(hrBegin) : j]; got == table {
		return
	} else if !*hrUpdate {
		t.Fatalf("%s's handlers-read table is stale; run go test -run TestWhatHandlersRead -update-readme in integration/. Observed:\n%s", path, table)
	}
	s = s[:i+len(hrBegin)] + table + s[j:]
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
