package partyhttp_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// TestServeMuxPrecedence pins down, over real HTTP, the precedence rules
// that the adapter leaves to ServeMux.Handler to apply (shadow.go): each
// case registers patterns on a plain http.ServeMux, in the order given,
// and checks which one a request reaches.
func TestServeMuxPrecedence(t *testing.T) {
	for _, tc := range []struct {
		rule     string
		patterns []string
		method   string
		host     string
		path     string
		want     string // the pattern served, or a status
	}{
		{"literal beats wildcard", []string{"GET /posts/{id}", "GET /posts/new"}, "GET", "", "/posts/new", "GET /posts/new"},
		{"literal beats wildcard, other order", []string{"GET /posts/new", "GET /posts/{id}"}, "GET", "", "/posts/new", "GET /posts/new"},
		{"backtracks", []string{"GET /posts/new", "GET /posts/{id}/edit"}, "GET", "", "/posts/new/edit", "GET /posts/{id}/edit"},
		{"other method: no effect", []string{"POST /posts/new", "GET /posts/{id}"}, "GET", "", "/posts/new", "GET /posts/{id}"},
		{"method beats methodless (GET)", []string{"GET /posts/new", "/posts/{id}"}, "GET", "", "/posts/new", "GET /posts/new"},
		{"method beats methodless (POST)", []string{"GET /posts/new", "/posts/{id}"}, "POST", "", "/posts/new", "/posts/{id}"},
		{"case-sensitive", []string{"GET /posts/new", "GET /posts/{id}"}, "GET", "", "/posts/NEW", "GET /posts/{id}"},
		{"literals compare decoded", []string{"GET /caf%C3%A9", "GET /{page}"}, "GET", "", "/caf%C3%A9", "GET /caf%C3%A9"},
		{"literal beats {name...}", []string{"/files/{path...}", "/files/readme"}, "GET", "", "/files/readme", "/files/readme"},
		{"subtree below a literal redirects", []string{"/files/{path...}", "/files/readme/"}, "GET", "", "/files/readme", "307"},
		{"{$} beats an empty {name...}", []string{"/files/{path...}", "/files/{$}"}, "GET", "", "/files/", "/files/{$}"},
		{"{name} beats {name...}", []string{"GET /w/{rest...}", "GET /w/{id}"}, "GET", "", "/w/a", "GET /w/{id}"},
		{"below {name}/, a redirect", []string{"GET /w/{rest...}", "GET /w/{id}/"}, "GET", "", "/w/a", "307"},
		{"a subtree does not take its own name", []string{"GET /posts/{id}", "/posts/new/"}, "GET", "", "/posts/new", "GET /posts/{id}"},
		{"host pattern at its host", []string{"GET /posts/{id}", "example.com/posts/new"}, "GET", "example.com", "/posts/new", "example.com/posts/new"},
		{"host pattern elsewhere", []string{"GET /posts/{id}", "example.com/posts/new"}, "GET", "other.test", "/posts/new", "GET /posts/{id}"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			mux := http.NewServeMux()
			for _, p := range tc.patterns {
				mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, r.Pattern) })
			}
			srv := httptest.NewServer(mux)
			defer srv.Close()
			if got := request(t, srv, tc.method, tc.host, tc.path); got != tc.want {
				t.Errorf("%s %s%s with %q = %q, want %q", tc.method, tc.host, tc.path, tc.patterns, got, tc.want)
			}
		})
	}
	t.Run("overlap without precedence panics", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error(`"/posts/new" beside "GET /posts/{id}" registered`)
			}
		}()
		mux := http.NewServeMux()
		mux.HandleFunc("GET /posts/{id}", func(http.ResponseWriter, *http.Request) {})
		mux.HandleFunc("/posts/new", func(http.ResponseWriter, *http.Request) {})
	})
}

// request sends one request and returns the body on 200, else the status.
func request(t *testing.T, srv *httptest.Server, method, host, path string) string {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	client := *srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return strconv.Itoa(resp.StatusCode)
	}
	return string(body)
}

// TestShadowRefusals checks each refusal through a real party: the refused
// value fails with ErrInvalidParam naming the route that takes it, and
// every value the analysis does not refuse reaches its own route.
func TestShadowRefusals(t *testing.T) {
	m := partyhttp.NewServeMux()
	h, err := partyhttp.Join(m)
	if err != nil {
		t.Fatal(err)
	}
	ok := func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, r.Pattern) }
	m.Named("post").HandleFunc("GET /posts/{id}", ok)
	m.Named("edit").HandleFunc("GET /posts/{id}/edit", ok)
	m.Named("update").HandleFunc("POST /u/{id}", ok)
	m.Named("any").HandleFunc("/any/{id}", ok)
	m.Named("file").HandleFunc("/files/{path...}", ok)
	m.Named("page").HandleFunc("GET /{page}", ok)
	m.Named("static").HandleFunc("/static/", ok)
	m.Named("rest").HandleFunc("GET /w/{rest...}", ok)
	// Registered after the routes they take from.
	m.Named("new").HandleFunc("GET /posts/new", ok)
	m.Named("latest").HandleFunc("GET /posts/latest", ok)
	m.Named("newedit").HandleFunc("GET /posts/new/comments", ok)
	m.Named("unew").HandleFunc("GET /u/new", ok) // another method: takes nothing from "POST /u/{id}"
	m.Named("anyget").HandleFunc("GET /any/new", ok)
	m.Named("readme").HandleFunc("/files/readme", ok)
	m.Named("docs").HandleFunc("/files/docs/", ok)
	m.Named("filesroot").HandleFunc("/files/{$}", ok)
	m.Named("about").HandleFunc("GET /about", ok)
	m.Named("logo").HandleFunc("GET /static/logo.png", ok)
	m.Named("wid").HandleFunc("GET /w/{id}", ok) // every one-segment value of "rest"
	root := http.NewServeMux()
	root.Handle("/pages/", http.StripPrefix("/pages", m))
	p, err := core.New(root, []string{"/pages/__invite__/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	defer srv.Close()

	patterns := map[string]string{}
	for _, r := range m.Routes() {
		patterns[r.Name] = r.Pattern
	}
	for _, tc := range []struct {
		name, key, value string
		takenBy          string // "" when the value must route back
	}{
		{"post", "id", "new", `"GET /posts/new"`},
		{"post", "id", "latest", `"GET /posts/latest"`},
		{"post", "id", "NEW", ""},
		{"post", "id", "newer", ""},
		{"post", "id", "edit", ""},
		{"edit", "id", "new", ""}, // backtracking: /posts/new/edit reaches {id}/edit
		{"update", "id", "new", ""},
		{"any", "id", "new", `"GET /any/new"`},
		{"page", "page", "about", `"GET /about"`},
		{"page", "page", "posts", ""}, // "/posts" is not "/posts/{id}"
		{"page", "page", "__invite__", "guard"},
		{"page", "page", "__INVITE__", "guard"},
		{"page", "page", "__invite", ""},
		{"file", "path", "readme", `"/files/readme"`},
		{"file", "path", "readme/x", ""},
		{"file", "path", "docs", `"/files/docs/"`},
		{"file", "path", "docs/a/b", `"/files/docs/"`},
		{"file", "path", "docsx", ""},
		{"file", "path", "", `"/files/{$}"`},
		{"file", "path", "a/b", ""},
		{"static", partyhttp.SubtreeParam, "logo.png", `"GET /static/logo.png"`},
		{"static", partyhttp.SubtreeParam, "logo.png.bak", ""},
		{"static", partyhttp.SubtreeParam, "", ""},
		{"rest", "rest", "a", `"GET /w/{id}"`},
		{"rest", "rest", "NEW", `"GET /w/{id}"`},
		{"rest", "rest", "a/b", ""},
		{"rest", "rest", "", ""},
	} {
		u, err := h.URL(nil, tc.name, tc.key, tc.value)
		if tc.takenBy != "" {
			var pe *urlfor.ParamError
			switch {
			case err == nil:
				t.Errorf("URL(%s, %q) = %q, want a refusal (%s)", tc.name, tc.value, u, tc.takenBy)
			case !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam):
				t.Errorf("URL(%s, %q): %v, want a *ParamError", tc.name, tc.value, err)
			case strings.HasPrefix(tc.takenBy, `"`) && (strconv.Quote(pe.TakenBy) != tc.takenBy || !strings.HasSuffix(err.Error(), `reaches `+tc.takenBy+` instead (pattern "`+pe.Pattern+`")`)):
				t.Errorf("URL(%s, %q): %v (TakenBy %q), want it to say it reaches %s instead", tc.name, tc.value, err, pe.TakenBy, tc.takenBy)
			}
			continue
		}
		if err != nil {
			t.Errorf("URL(%s, %q): %v", tc.name, tc.value, err)
			continue
		}
		method := "GET"
		if tc.name == "update" {
			method = "POST"
		}
		if got := request(t, srv, method, "", u); got != patterns[tc.name] {
			t.Errorf("%s %s = %q, want %q", method, u, got, patterns[tc.name])
		}
	}
}
