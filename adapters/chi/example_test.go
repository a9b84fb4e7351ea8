package partychi_test

import (
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/go-chi/chi/v5"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// A chi app joins the party of the dispatcher it is mounted in, and builds
// its URLs with its mount prefix.
func ExampleJoin() {
	blog := chi.NewRouter()
	h, err := partychi.Join(blog) // after blog.Use(...), if any
	if err != nil {
		panic(err)
	}
	blog.With(partychi.Name("post")).Get("/posts/{id}", func(w http.ResponseWriter, r *http.Request) {})

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}
	_ = party // serve it: http.ListenAndServe(addr, party)

	fmt.Println(h.URL(nil, "post", "id", "7"))
	fmt.Println(h.URL(nil, "post", "id", "hello world", "page", "2"))
	// Output:
	// /blog/posts/7 <nil>
	// /blog/posts/hello%20world?page=2 <nil>
}

// Names are middlewares, so they survive Route, Group, With and Mount, and
// come back with the full pattern.
func ExampleName() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.Route("/posts", func(r chi.Router) {
		r.With(partychi.Name("posts")).Get("/", show)
		r.With(partychi.Name("post")).Get("/{id:[0-9]+}", show)
		r.With(partychi.Name("post-json")).Get("/{id:[0-9]+}.json", show)
	})
	admin := chi.NewRouter()
	admin.With(partychi.Name("admin-user")).Get("/users/{user}", show)
	r.Mount("/admin", admin)
	r.With(partychi.Name("files")).Get("/files/*", show)

	if _, err := core.New(r, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	p, _ := h.Participant()
	for _, route := range p.Routes() {
		fmt.Println(route.Name, route.Method, route.Pattern)
	}
	fmt.Println(h.URL(nil, "post-json", "id", "7"))
	fmt.Println(h.URL(nil, "files", "*", "css/site.css"))
	_, err := h.URL(nil, "post", "id", "seven")
	fmt.Println(err)
	// Output:
	// admin-user GET /admin/users/{user}
	// files GET /files/*
	// post GET /posts/{id:[0-9]+}
	// post-json GET /posts/{id:[0-9]+}.json
	// posts GET /posts/
	// /posts/7.json <nil>
	// /files/css/site.css <nil>
	// urlfor: post: parameter "id" value "seven" does not match the constraint "[0-9]+" (pattern "/posts/{id:[0-9]+}")
}

// chi as the dispatcher: a chi router Mounts a chi blog and a plain net/http
// shop; the blog links to the shop and the shop to the blog.
func Example_crossAppLink() {
	blog := chi.NewRouter()
	hb, _ := partychi.Join(blog)
	blog.With(partychi.Name("post")).Get("/posts/{id}", show)

	shop := urlfortest.NewApp("shop", urlfortest.Route("item", "GET", "/items/{sku}",
		urlfor.Literal("/items/"), urlfor.Param("sku")))

	top := chi.NewRouter()
	top.Mount("/blog", blog)                            // chi's Mount keeps the prefix in r.URL.Path,
	top.Mount("/shop", http.StripPrefix("/shop", shop)) // so a plain app is mounted with StripPrefix
	if _, err := core.New(top, []string{"/blog/__invite__/", "/shop/__invite__/"}); err != nil {
		panic(err)
	}

	fmt.Println(hb.URL(nil, "shop:item", "sku", "red/42"))
	fmt.Println(shop.Participant().URL("blog:post", "id", "7"))
	// Output:
	// /shop/items/red%2F42 <nil>
	// /blog/posts/7 <nil>
}

// Redirect answers with a redirect to an endpoint, here the new home of an
// old URL; partychi.URLParam hands the handler the decoded value.
func ExampleHandle_Redirect() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.With(partychi.Name("post")).Get("/posts/{slug}", show)
	r.Get("/old/{slug}", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusMovedPermanently, "post", "slug", partychi.URLParam(r, "slug")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	party, _ := core.New(http.StripPrefix("/blog", r), []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/old/caf%C3%A9%2Fbar", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	// Output:
	// 301 /blog/posts/caf%C3%A9%2Fbar
}

// Handlers that do not hold the handle find it in the request, once
// h.Middleware is on their route.
func ExampleURL() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.Group(func(r chi.Router) {
		r.Use(h.Middleware)
		r.With(partychi.Name("post")).Get("/posts/{id}", show)
		r.Get("/latest", func(w http.ResponseWriter, r *http.Request) {
			u, err := partychi.URL(r, "post", "id", "42")
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			fmt.Fprint(w, u)
		})
	})
	party, _ := core.New(r, []string{"/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/latest", nil))
	fmt.Println(rec.Body.String())
	// Output:
	// /posts/42
}

// chi.URLParam gives the value put into a URL the handle builds unless a
// parameter of it holds "/": "%2F" gives the URL a RawPath, on which chi
// routes (go-chi/chi#832). URLParam decodes it then.
func ExampleURLParam() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.With(partychi.Name("tag")).Get("/tags/{tag}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("chi %q, partychi %q\n", chi.URLParam(r, "tag"), partychi.URLParam(r, "tag"))
	})
	if _, err := core.New(r, []string{"/__invite__/"}); err != nil {
		fmt.Println(err)
	}
	for _, tag := range []string{"Smith, John;2", "a/b"} {
		u, _ := h.URL(nil, "tag", "tag", tag)
		fmt.Print(u, ": ")
		r.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, u, nil))
	}
	// Output:
	// /tags/Smith,%20John;2: chi "Smith, John;2", partychi "Smith, John;2"
	// /tags/a%2Fb: chi "a%2Fb", partychi "a/b"
}

// show stands for any handler.
func show(w http.ResponseWriter, r *http.Request) {}

// FromRequest finds the handle that h.Middleware put in the request; the
// package-level AbsoluteURL uses it too.
func ExampleFromRequest() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.With(h.Middleware).Get("/where", func(w http.ResponseWriter, r *http.Request) {
		got, ok := partychi.FromRequest(r)
		abs, err := partychi.AbsoluteURL(r, "post", "id", "9")
		fmt.Fprintln(w, got == h, ok, abs, err)
	})
	r.With(partychi.Name("post")).Get("/posts/{id}", show)
	party, _ := core.New(http.StripPrefix("/blog", r), []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://example.com/blog/where", nil))
	fmt.Print(rec.Body.String())
	_, ok := partychi.FromRequest(httptest.NewRequest(http.MethodGet, "/", nil))
	fmt.Println(ok)
	// Output:
	// true true http://example.com/blog/posts/9 <nil>
	// false
}

// The package-level Redirect finds the handle in the request; without
// h.Middleware on the route it fails with ErrNoHandle and writes nothing.
func ExampleRedirect() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.With(partychi.Name("home")).Get("/", show)
	r.With(h.Middleware).Get("/go", func(w http.ResponseWriter, r *http.Request) {
		_ = partychi.Redirect(w, r, http.StatusSeeOther, "home")
	})
	r.Get("/lost", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(errors.Is(partychi.Redirect(w, r, http.StatusSeeOther, "home"), partychi.ErrNoHandle))
	})
	party, _ := core.New(r, []string{"/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/go", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	party.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/lost", nil))
	// Output:
	// 303 /
	// true
}

// FuncMap gives templates urlFor, this app's names first.
func ExampleHandle_FuncMap() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r)
	r.With(partychi.Name("post")).Get("/posts/{id}", show)
	tpl := template.Must(template.New("page").Funcs(h.FuncMap()).Parse(`<a href="{{urlFor "post" "id" .}}">`))
	if _, err := core.New(http.StripPrefix("/blog", r), []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	_ = tpl.Execute(os.Stdout, "a b")
	// Output:
	// <a href="/blog/posts/a%20b">
}

// AbsoluteURL takes the scheme and host of the request, or, with
// TrustProxy, those the proxy forwarded.
func ExampleHandle_AbsoluteURL() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r, partychi.TrustProxy())
	r.With(partychi.Name("post")).Get("/posts/{id}", show)
	if _, err := core.New(r, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://10.0.0.7/", nil)
	fmt.Println(h.AbsoluteURL(req, "post", "id", "7"))
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "example.com")
	fmt.Println(h.AbsoluteURL(req, "post", "id", "7"))
	// Output:
	// http://10.0.0.7/posts/7 <nil>
	// https://example.com/posts/7 <nil>
}

// An app that registers its routes with their full paths, behind a
// dispatcher that does not strip the prefix, says where its invite route
// is; a namespace of its choosing qualifies its names.
func ExampleInviteRoute() {
	r := chi.NewRouter()
	h, _ := partychi.Join(r, partychi.InviteRoute("/blog/__invite__/"), partychi.Namespace("journal"))
	r.With(partychi.Name("post")).Get("/blog/posts/{id}", show)
	mux := http.NewServeMux()
	mux.Handle("/blog/", r)
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(h.URL(nil, "journal:post", "id", "7"))
	// Output:
	// /blog/posts/7 <nil>
}

// WithLogger reports the invitation.
func ExampleWithLogger() {
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	r := chi.NewRouter()
	_, _ = partychi.Join(r, partychi.WithLogger(logger))
	if _, err := core.New(http.StripPrefix("/blog", r), []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	// Output:
	// level=INFO msg="partyline: joined" invite_path=/blog/__invite__/ namespace=blog mount_prefix=/blog routes=0
}

// AllowedHosts: a request naming a listed host gets absolute URLs on it;
// any other Host header gets them on the first host listed, never its own.
func ExampleAllowedHosts() {
	blog := chi.NewRouter()
	h, err := partychi.Join(blog, partychi.AllowedHosts("example.com", "www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.With(partychi.Name("post")).Get("/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", partychi.URLParam(r, "id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "<link rel=\"canonical\" href=\"%s\">\n", u)
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	for _, host := range []string{"www.example.com", "evil.example"} {
		req := httptest.NewRequest(http.MethodGet, "/blog/posts/7", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, req)
		fmt.Print(rec.Body)
	}
	// Output:
	// <link rel="canonical" href="http://www.example.com/blog/posts/7">
	// <link rel="canonical" href="http://example.com/blog/posts/7">
}

// CanonicalOrigin: every absolute URL is on one origin, whatever the Host
// header says; a hostile one cannot reach a link, an e-mail or a redirect.
func ExampleCanonicalOrigin() {
	blog := chi.NewRouter()
	h, err := partychi.Join(blog, partychi.CanonicalOrigin("https://www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.With(partychi.Name("post")).Get("/posts/{id}", show)
	blog.Post("/posts/{id}/share", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", partychi.URLParam(r, "id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, "mail: read it at", u)
	})
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	for _, host := range []string{"10.0.0.7:8080", "x'onmouseover='alert(1)"} {
		req := httptest.NewRequest(http.MethodPost, "/blog/posts/7/share", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, req)
		fmt.Print(rec.Body)
	}
	// Output:
	// mail: read it at https://www.example.com/blog/posts/7
	// mail: read it at https://www.example.com/blog/posts/7
}
