package partyechov5_test

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/labstack/echo/v5"
	partyechov5 "github.com/partyline-go/partyline/adapters/echov5"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// mount serves e under /blog in a ServeMux and invites it: the party.
func mount(e *echo.Echo, invite string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	party, err := core.New(mux, []string{"/blog" + invite})
	if err != nil {
		panic(err)
	}
	return party
}

// serve answers a GET of target through h and prints the answer.
func serve(h http.Handler, target string, header ...string) {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Location"), strings.TrimSpace(rec.Body.String()))
}

func show(c *echo.Context) error { return c.String(http.StatusOK, "post "+c.Param("id")) }

// An echo v5 blog joins a party mounted at /blog: its named routes are
// endpoints, with the mount prefix.
func ExampleJoin() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, err := partyechov5.Join(e)
	if err != nil {
		panic(err)
	}
	mount(e, "/__invite__/")
	fmt.Println(h.URL(nil, "post", "id", "7"))
	fmt.Println(h.URL(nil, "blog:post", "id", "a/b c"))
	// Output:
	// /blog/posts/7 <nil>
	// /blog/posts/a%2Fb%20c <nil>
}

// Named is echo's AddRoute with a name, in one line; routes added without
// a name have echo's default "METHOD:/path", asked for qualified.
func ExampleNamed() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	partyechov5.Named(e.Group("/admin"), "user").Add(http.MethodGet, "/users/:uid", show)
	e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/feed", Name: "feed", Handler: show})
	e.GET("/about", show) // named "GET:/about" by echo
	h, _ := partyechov5.Join(e)
	mount(e, "/__invite__/")
	for _, name := range []string{"post", "user", "feed", "blog:GET:/about"} {
		fmt.Println(h.URL(nil, name, "id", "1", "uid", "2"))
	}
	// Output:
	// /blog/posts/1?uid=2 <nil>
	// /blog/admin/users/2?id=1 <nil>
	// /blog/feed?id=1&uid=2 <nil>
	// /blog/about?id=1&uid=2 <nil>
}

// URL escapes values and refuses those another route of the app would
// take, naming it.
func ExampleHandle_URL() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	e.GET("/posts/new", show)
	h, _ := partyechov5.Join(e)
	mount(e, "/__invite__/")
	fmt.Println(h.URL(nil, "post", "id", "100%", "page", "2"))
	_, err := h.URL(nil, "post", "id", "new")
	var pe *urlfor.ParamError
	fmt.Println(errors.As(err, &pe), pe.TakenBy)
	// Output:
	// /blog/posts/100%25?page=2 <nil>
	// true GET /posts/new
}

// AbsoluteURL takes the scheme and host of the request.
func ExampleHandle_AbsoluteURL() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e)
	mount(e, "/__invite__/")
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "https://example.com/", nil), nil)
	fmt.Println(h.AbsoluteURL(c, "post", "id", "7"))
	// Output:
	// https://example.com/blog/posts/7 <nil>
}

// Redirect writes through echo's c.Redirect.
func ExampleHandle_Redirect() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e)
	e.GET("/latest", func(c *echo.Context) error { return h.Redirect(c, http.StatusFound, "post", "id", "9") })
	serve(mount(e, "/__invite__/"), "/blog/latest")
	// Output:
	// 302 /blog/posts/9
}

// FuncMap gives templates urlFor; echo's TemplateRenderer renders them.
func ExampleHandle_FuncMap() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e)
	t := template.Must(template.New("page").Funcs(h.FuncMap()).Parse(`<a href="{{urlFor "post" "id" .}}">next</a>`))
	e.Renderer = &echo.TemplateRenderer{Template: t}
	e.GET("/", func(c *echo.Context) error { return c.Render(http.StatusOK, "page", 8) })
	serve(mount(e, "/__invite__/"), "/blog/")
	// Output:
	// 200  <a href="/blog/posts/8">next</a>
}

// Participant lists the app's endpoints as last read.
func ExampleHandle_Participant() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	partyechov5.Named(e, "post").Add(http.MethodHead, "/posts/:id", show)
	h, _ := partyechov5.Join(e)
	mount(e, "/__invite__/")
	p, _ := h.Participant()
	for _, r := range p.Routes() {
		fmt.Println(p.Namespace(), r.Name, r.Method, r.Pattern)
	}
	// Output:
	// blog post GET,HEAD /posts/:id
}

// FromContext finds the handle of the app serving a request.
func ExampleFromContext() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", func(c *echo.Context) error {
		h, ok := partyechov5.FromContext(c)
		u, err := h.URL(c, "post", "id", "8")
		return c.String(http.StatusOK, fmt.Sprint(ok, " ", u, " ", err))
	})
	partyechov5.Join(e)
	serve(mount(e, "/__invite__/"), "/blog/posts/7")
	// Output:
	// 200  true /blog/posts/8 <nil>
}

// The package-level helpers find the handle from the context.
func ExampleURL() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", func(c *echo.Context) error {
		u, err := partyechov5.URL(c, "post", "id", "8")
		return c.String(http.StatusOK, fmt.Sprint(u, " ", err))
	})
	partyechov5.Join(e)
	serve(mount(e, "/__invite__/"), "/blog/posts/7")
	_, err := partyechov5.URL(echo.New().NewContext(nil, nil), "post")
	fmt.Println(errors.Is(err, partyechov5.ErrNoHandle))
	// Output:
	// 200  /blog/posts/8 <nil>
	// true
}

func ExampleAbsoluteURL() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", func(c *echo.Context) error {
		u, err := partyechov5.AbsoluteURL(c, "post", "id", "8")
		return c.String(http.StatusOK, fmt.Sprint(u, " ", err))
	})
	partyechov5.Join(e)
	serve(mount(e, "/__invite__/"), "http://example.com/blog/posts/7")
	// Output:
	// 200  http://example.com/blog/posts/8 <nil>
}

func ExampleRedirect() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	e.GET("/old/:id", func(c *echo.Context) error {
		return partyechov5.Redirect(c, http.StatusMovedPermanently, "post", "id", c.Param("id"))
	})
	partyechov5.Join(e)
	serve(mount(e, "/__invite__/"), "/blog/old/3")
	// Output:
	// 301 /blog/posts/3
}

// Param is exact where echo's c.Param hands raw text: a request whose
// escaping differs from net/url's own has a RawPath, which echo matches;
// a URL partyechov5 builds has one only for "/" inside one segment.
func ExampleParam() {
	e := echo.New()
	partyechov5.Named(e, "file").GET("/files/:name", func(c *echo.Context) error {
		v, err := partyechov5.Param(c, "name")
		return c.String(http.StatusOK, fmt.Sprintf("c.Param %q, Param %q %v", c.Param("name"), v, err))
	})
	h, _ := partyechov5.Join(e)
	party := mount(e, "/__invite__/")
	u, _ := h.URL(nil, "file", "name", "a/b.txt")
	fmt.Println(u)
	serve(party, u)
	// Output:
	// /blog/files/a%2Fb.txt
	// 200  c.Param "a%2Fb.txt", Param "a/b.txt" <nil>
}

// Namespace names the app in qualified names, whatever its mount prefix.
func ExampleNamespace() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e, partyechov5.Namespace("journal"))
	mount(e, "/__invite__/")
	fmt.Println(h.URL(nil, "journal:post", "id", "1"))
	// Output:
	// /blog/posts/1 <nil>
}

// InviteRoute moves the invite route, for an app that already uses the
// default path.
func ExampleInviteRoute() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e, partyechov5.InviteRoute("/_party/"))
	mount(e, "/_party/")
	fmt.Println(h.URL(nil, "post", "id", "1"))
	// Output:
	// /blog/posts/1 <nil>
}

// WithLogger logs the invitation.
func ExampleWithLogger() {
	var log bytes.Buffer
	e := echo.New()
	partyechov5.Join(e, partyechov5.WithLogger(slog.New(slog.NewTextHandler(&log, nil))))
	mount(e, "/__invite__/")
	fmt.Println(strings.Contains(log.String(), "joined"))
	// Output:
	// true
}

// TrustProxy lets AbsoluteURL follow X-Forwarded-Proto and -Host, whose
// host AllowedHosts polices.
func ExampleTrustProxy() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", func(c *echo.Context) error {
		u, _ := partyechov5.AbsoluteURL(c, "post", "id", "1")
		return c.String(http.StatusOK, u)
	})
	partyechov5.Join(e, partyechov5.TrustProxy(), partyechov5.AllowedHosts("blog.example"))
	serve(mount(e, "/__invite__/"), "/blog/posts/1", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "blog.example")
	// Output:
	// 200  https://blog.example/blog/posts/1
}

// AllowedHosts: absolute URLs use the request's host only when it is
// listed (".example.org": the domain and its subdomains); any other Host
// header gets the first entry, never the client's text.
func ExampleAllowedHosts() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e, partyechov5.AllowedHosts("blog.example.com", ".example.org"))
	e.GET("/share/:id", func(c *echo.Context) error {
		u, err := h.AbsoluteURL(c, "post", "id", c.Param("id"))
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, u)
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	party, _ := core.New(mux, []string{"/blog/__invite__/"})

	for _, host := range []string{"blog.example.com", "www.example.org:8080", "evil.com"} {
		r := httptest.NewRequest(http.MethodGet, "/blog/share/7", nil)
		r.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, r)
		fmt.Println(rec.Body.String())
	}
	// Output:
	// http://blog.example.com/blog/posts/7
	// http://www.example.org:8080/blog/posts/7
	// http://blog.example.com/blog/posts/7
}

// CanonicalOrigin: every absolute URL is on the site's one origin,
// whatever the Host header says, a hostile one included.
func ExampleCanonicalOrigin() {
	e := echo.New()
	partyechov5.Named(e, "post").GET("/posts/:id", show)
	h, _ := partyechov5.Join(e, partyechov5.CanonicalOrigin("https://www.example.com"))
	e.GET("/share/:id", func(c *echo.Context) error {
		u, err := h.AbsoluteURL(c, "post", "id", c.Param("id"))
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, u)
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	party, _ := core.New(mux, []string{"/blog/__invite__/"})

	for _, host := range []string{"www.example.com", "evil.com", "x'onmouseover='alert(1)"} {
		r := httptest.NewRequest(http.MethodGet, "/blog/share/7", nil)
		r.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, r)
		fmt.Println(rec.Body.String())
	}
	// Output:
	// https://www.example.com/blog/posts/7
	// https://www.example.com/blog/posts/7
	// https://www.example.com/blog/posts/7
}
