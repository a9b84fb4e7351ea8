package integration_test

// Issue 15: the conformance vectors of the JavaScript client. Apps of every
// framework, with the routes of TestWhatHandlersRead and a set of richer
// ones (constraints, static siblings, in-segment parameters, an optional
// parameter, a host and a required query), join one party; its manifest
// and, for every endpoint and every value of the catalogue, what Go builds
// (the URL, or the error's code, parameter and taking route) are written to
// clients/js/testdata/vectors.json. The JavaScript tests (node --test, run
// by clients/js's Go test) must give the same answers; this test fails when
// the file no longer matches what Go builds (go test -run
// TestManifestVectors -update-vectors rewrites it).

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	fiber2 "github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	echo4 "github.com/labstack/echo/v4"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	partymux "github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

var mvUpdate = flag.Bool("update-vectors", false, "rewrite clients/js/testdata/vectors.json from TestManifestVectors")

const mvPath = "../clients/js/testdata/vectors.json"

// mvCase is one vector: a build and what Go answered.
type mvCase struct {
	Name    string     `json:"name"`
	Params  [][]string `json:"params"`
	Options *mvOptions `json:"options,omitempty"`
	Want    mvWant     `json:"want"`
}

type mvOptions struct {
	Fragment string `json:"fragment,omitempty"`
}

type mvWant struct {
	URL   string   `json:"url,omitempty"`
	Error *mvError `json:"error,omitempty"`
}

type mvError struct {
	Code    string `json:"code"`
	Param   string `json:"param,omitempty"`
	TakenBy string `json:"takenBy,omitempty"`
}

// mvCode is the client's error code for a Go error.
func mvCode(err error) *mvError {
	var pe *urlfor.ParamError
	switch {
	case errors.As(err, &pe):
		code := "invalid_param"
		if pe.Missing {
			code = "missing_param"
		}
		return &mvError{Code: code, Param: pe.Param, TakenBy: pe.TakenBy}
	case errors.Is(err, urlfor.ErrUnknownEndpoint):
		return &mvError{Code: "unknown_endpoint"}
	case errors.Is(err, urlfor.ErrAmbiguous):
		return &mvError{Code: "ambiguous"}
	case errors.Is(err, urlfor.ErrBadCall):
		return &mvError{Code: "bad_call"}
	}
	return &mvError{Code: "untranslatable"}
}

// mvRich are apps with the routes the catalogue apps lack.
func mvRich(t *testing.T) map[string]http.Handler {
	ok := func(w http.ResponseWriter, _ *http.Request) {}
	apps := map[string]http.Handler{}

	r := mux.NewRouter()
	_, err := partymux.Join(r, partymux.Namespace("muxr"))
	xfMust(t, err)
	r.HandleFunc("/n/{id:[0-9]+}", ok).Name("num")
	r.HandleFunc("/docs/{name}.json", ok).Name("doc")
	r.HandleFunc("/posts/new", ok).Name("new")
	r.HandleFunc("/posts/{slug}", ok).Name("post")
	r.Host("{sub:[a-z]+}.example.com").Path("/h/{id}").HandlerFunc(ok).Name("host")
	r.HandleFunc("/search/{kind}", ok).Queries("page", "{page:[0-9]+}", "format", "json").Name("search")
	r.HandleFunc("/ci/{lang:(?i)en|fr}", ok).Name("lang")
	apps["/muxr"] = r

	c := chi.NewRouter()
	_, err = partychi.Join(c, partychi.Namespace("chir"))
	xfMust(t, err)
	c.With(partychi.Name("num")).Get("/n/{id:[0-9]+}", ok)
	c.With(partychi.Name("doc")).Get("/docs/{name}.json", ok)
	c.With(partychi.Name("new")).Get("/posts/new", ok)
	c.With(partychi.Name("post")).Get("/posts/{slug}", ok)
	apps["/chir"] = c

	e := echo4.New()
	_, err = partyecho.Join(e, partyecho.Namespace("echor"))
	xfMust(t, err)
	noop := func(echo4.Context) error { return nil }
	e.GET("/posts/new", noop).Name = "new"
	e.GET("/posts/:slug", noop).Name = "post"
	e.GET("/posts/:slug/edit", noop).Name = "edit"
	apps["/echor"] = e

	gin.SetMode(gin.TestMode)
	g := gin.New()
	h, err := partygin.Join(g, partygin.Namespace("ginr"))
	xfMust(t, err)
	gr := h.Router(g)
	gr.Named("new").GET("/posts/new", func(*gin.Context) {})
	gr.Named("post").GET("/posts/:slug", func(*gin.Context) {})
	gr.Named("files").GET("/static/*path", func(*gin.Context) {})
	apps["/ginr"] = g

	f := fiber2.New(fiber2.Config{DisableStartupMessage: true})
	_, err = partyfiber.Join(f, partyfiber.Namespace("fiberr"))
	xfMust(t, err)
	fok := func(*fiber2.Ctx) error { return nil }
	f.Get("/user/:name?", fok).Name("user")
	f.Get("/n/:id<int>", fok).Name("num")
	f.Get("/items/New", fok).Name("new")
	f.Get("/items/:slug", fok).Name("item")
	f.Get("/range/:from-:to", fok).Name("range")
	apps["/fiberr"] = partyfiber.Handler(f)
	return apps
}

// mvParty joins the catalogue apps of TestWhatHandlersRead and the rich
// apps in one party.
func mvParty(t *testing.T) *urlfor.Builder {
	dispatch := http.NewServeMux()
	var paths []string
	mount := func(prefix string, h http.Handler) {
		dispatch.Handle(prefix+"/", http.StripPrefix(prefix, h))
		paths = append(paths, prefix+core.DefaultInvitePath)
	}
	for _, a := range []*hrApp{hrEcho4(t), hrEcho5(t), hrGin(t), hrMux(t), hrChi(t), hrStd(t),
		hrFiber2(t, false), hrFiber2(t, true), hrFiber3(t, false), hrFiber3(t, true)} {
		mount("/"+a.ns, a.handler)
	}
	rich := mvRich(t)
	for _, prefix := range slices.Sorted(maps.Keys(rich)) {
		mount(prefix, rich[prefix])
	}
	party, err := core.New(dispatch, paths)
	xfMust(t, err)
	return urlfor.New(party)
}

// mvCases builds every vector: each endpoint with each catalogue value in
// each of its parameters (the others given a plain value), then calls that
// exercise names, pairs, the query and the fragment.
func mvCases(b *urlfor.Builder, m *urlfor.Manifest) []mvCase {
	var cases []mvCase
	add := func(name string, opts *mvOptions, pairs ...string) {
		req := &urlfor.Request{Name: name, Pairs: pairs}
		if opts != nil {
			req.Fragment = opts.Fragment
		}
		c := mvCase{Name: name, Params: [][]string{}, Options: opts}
		for i := 0; i+1 < len(pairs); i += 2 {
			c.Params = append(c.Params, []string{pairs[i], pairs[i+1]})
		}
		u, err := b.Build(req)
		if err != nil {
			c.Want.Error = mvCode(err)
		} else {
			c.Want.URL = u
		}
		cases = append(cases, c)
	}
	names := slices.Sorted(maps.Keys(m.Endpoints))
	for _, name := range names {
		e := m.Endpoints[name]
		var params []string
		for _, p := range append(slices.Clone(e.HostParts), e.Path...) {
			if p.Kind != "literal" {
				params = append(params, p.Text)
			}
		}
		for _, q := range e.Query {
			if q.Value.Kind == "param" {
				params = append(params, q.Value.Text)
			}
		}
		plain := func(except string) []string {
			var pairs []string
			for _, p := range params {
				if p != except {
					pairs = append(pairs, p, "7")
				}
			}
			return pairs
		}
		add(name, nil, plain("")...)
		for _, p := range params {
			for _, v := range append(slices.Clone(hrValues), "", "new", "NEW", "ne", "newer", "12", "-3", ".", "..", "a//b", "/lead", "trail/", "__invite__", "a\x00b") {
				add(name, nil, append(plain(p), p, v)...)
			}
			add(name, nil, plain(p)...) // p missing
		}
	}
	// Names: unknown, misspelt, bare, ambiguous bare.
	for _, name := range []string{"echo4:itme", "nope", "item", "files", "post", "cart", "muxr:num"} {
		add(name, nil, "id", "7", "v", "7", "slug", "s")
	}
	// Pairs: a key twice, an empty key, extra pairs sorted into the query
	// (repeats kept in order), a fragment.
	add("echo4:item", nil, "v", "1", "v", "2")
	add("echo4:item", nil, "v", "1", "", "x")
	add("echo4:item", nil, "v", "1", "b", "2", "B", "3", "a", "x y", "a", "&=", "é", "?#")
	add("echo4:item", &mvOptions{Fragment: "top of page/ä?#"}, "v", "1")
	add("fiber2:files", nil, "*", "a/b", "*1", "c") // a key and its alias
	return cases
}

func TestManifestVectors(t *testing.T) {
	b := mvParty(t)
	var ns []string
	for _, e := range b.Endpoints() {
		if !slices.Contains(ns, e.Namespace) {
			ns = append(ns, e.Namespace)
		}
	}
	m, err := b.Manifest(urlfor.ManifestOptions{Namespaces: ns, Origin: "https://example.com"})
	xfMust(t, err)
	doc := struct {
		Manifest *urlfor.Manifest `json:"manifest"`
		Cases    []mvCase         `json:"cases"`
	}{m, mvCases(b, m)}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	xfMust(t, enc.Encode(doc))
	mvCheckRemote(t, m, doc.Cases)
	old, _ := os.ReadFile(mvPath)
	if bytes.Equal(old, buf.Bytes()) {
		return
	}
	if !*mvUpdate {
		t.Fatalf("%s does not match what Go builds (%d cases); run go test -run TestManifestVectors -update-vectors in integration/", mvPath, len(doc.Cases))
	}
	xfMust(t, os.MkdirAll("../clients/js/testdata", 0o755))
	xfMust(t, os.WriteFile(mvPath, buf.Bytes(), 0o644))
}

// mvCheckRemote loads the manifest into another party as remote apps
// (urlfor's Builder.AddRemote) and checks that every case builds the same:
// the URL on the manifest's origin, or the same error.
func mvCheckRemote(t *testing.T, m *urlfor.Manifest, cases []mvCase) {
	t.Helper()
	data, err := m.JSON()
	xfMust(t, err)
	other := http.NewServeMux()
	home := urlfortestApp()
	other.Handle("/", home)
	party, err := core.New(other, []string{core.DefaultInvitePath})
	xfMust(t, err)
	b := urlfor.New(party)
	if _, err := b.AddRemote(data, ""); err != nil {
		t.Fatalf("AddRemote: %v", err)
	}
	for _, c := range cases {
		var pairs []string
		for _, p := range c.Params {
			pairs = append(pairs, p...)
		}
		req := &urlfor.Request{Name: c.Name, Pairs: pairs}
		if c.Options != nil {
			req.Fragment = c.Options.Fragment
		}
		u, err := b.Build(req)
		var got mvWant
		if err != nil {
			got.Error = mvCode(err)
		} else {
			got.URL = u
		}
		want := c.Want
		if want.URL != "" && !strings.HasPrefix(want.URL, "http") {
			want.URL = m.Origin + want.URL
		}
		if want.Error != nil && want.Error.Code == "unknown_endpoint" && got.Error != nil && got.Error.Code == "unknown_endpoint" {
			continue
		}
		if got.URL != want.URL || (got.Error == nil) != (want.Error == nil) || got.Error != nil && *got.Error != *want.Error {
			t.Errorf("remote %s %q: got %+v %+v, want %+v %+v", c.Name, pairs, got.URL, got.Error, want.URL, want.Error)
		}
	}
}

// urlfortestApp is an app with no routes that joins, so that a party
// exists to add remote apps to.
func urlfortestApp() http.Handler { return urlfortest.NewApp("home") }
