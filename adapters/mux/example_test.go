package partymux_test

import (
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/adapters/mux"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func hello(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "post", mux.Vars(r)["id"]) }

// A mux router joins, is mounted at /blog, and builds its URLs with the
// mount prefix.
func ExampleJoin() {
	blog := mux.NewRouter()
	h, err := partymux.Join(blog) // before any catch-all route
	if err != nil {
		panic(err)
	}
	blog.HandleFunc("/posts/{id:[0-9]+}", hello).Name("post")

	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(d, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	u, _ := h.URL(nil, "post", "id", "7")
	fmt.Println(u)
	_, err = h.URL(nil, "post", "id", "seven")
	fmt.Println(errors.Is(err, urlfor.ErrInvalidParam))

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
	fmt.Print(rec.Body)
	// Output:
	// /blog/posts/7
	// true
	// post 7
}

// Names are mux's own. Subrouters, PathPrefix routes (whose rest is
// RestParam), host templates and query templates all build.
func ExampleJoin_naming() {
	r := mux.NewRouter()
	h, _ := partymux.Join(r, partymux.Namespace("docs"))
	r.HandleFunc("/articles/{category}/{id:[0-9]+}", hello).Name("article")
	api := r.PathPrefix("/api/v1").Subrouter()
	api.HandleFunc("/users/{name}.json", hello).Methods(http.MethodGet).Name("user")
	r.PathPrefix("/static/").Handler(http.NotFoundHandler()).Name("static")
	r.Host("{lang:[a-z]{2}}.example.com").Path("/").HandlerFunc(hello).Name("home")
	r.HandleFunc("/search", hello).Queries("page", "{page:[0-9]+}").Name("search")

	if _, err := core.New(r, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	for _, call := range [][]string{
		{"article", "category", "go", "id", "42"},
		{"user", "name", "ada.lovelace"},
		{"static", partymux.RestParam, "css/site.css"},
		{"home", "lang", "fr"},
		{"docs:search", "page", "2", "q", "mux"},
	} {
		u, err := h.URL(nil, call[0], call[1:]...)
		fmt.Println(u, err)
	}
	// Output:
	// /articles/go/42 <nil>
	// /api/v1/users/ada.lovelace.json <nil>
	// /static/css/site.css <nil>
	// http://fr.example.com/ <nil>
	// /search?page=2&q=mux <nil>
}

// A mux app links to another app of the party by its namespace; the
// template helper does the same.
func ExampleHandle_FuncMap() {
	blog := mux.NewRouter()
	h, _ := partymux.Join(blog)
	blog.HandleFunc("/posts/{id}", hello).Name("post")
	shop := urlfortest.NewApp("shop", urlfortest.Route("cart", "GET", "/cart", urlfor.Literal("/cart")))

	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", blog))
	d.Handle("/shop/", http.StripPrefix("/shop", shop))
	if _, err := core.New(d, []string{"/blog/__invite__/", "/shop/__invite__/"}); err != nil {
		panic(err)
	}

	u, _ := h.URL(nil, "shop:cart")
	fmt.Println(u)
	page := template.Must(template.New("page").Funcs(h.FuncMap()).Parse(
		`<a href="{{urlFor "post" "id" 7}}">post</a> <a href="{{urlFor "shop:cart"}}">cart</a>` + "\n"))
	_ = page.Execute(os.Stdout, nil)
	// Output:
	// /shop/cart
	// <a href="/blog/posts/7">post</a> <a href="/shop/cart">cart</a>
}

// A handler redirects to a named route; the package-level Redirect finds
// the router's handle from the request.
func ExampleRedirect() {
	blog := mux.NewRouter()
	if _, err := partymux.Join(blog); err != nil {
		panic(err)
	}
	blog.HandleFunc("/posts/{id}", hello).Name("post")
	blog.HandleFunc("/p/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := partymux.Redirect(w, r, http.StatusMovedPermanently, "post", "id", mux.Vars(r)["id"]); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})

	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(d, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/p/7", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	// Output:
	// 301 /blog/posts/7
}

// mux keeps only the last route of a name shared across subrouters;
// partymux reports the duplicate.
func ExampleHandle_Check() {
	r := mux.NewRouter()
	h, _ := partymux.Join(r)
	r.HandleFunc("/items/{id}", hello).Name("item")
	r.PathPrefix("/v2").Subrouter().HandleFunc("/items/{id}", hello).Name("item")
	fmt.Println(h.Check())
	// Output:
	// partymux: route name "item" is used by 2 routes (/items/{id}, /v2/items/{id}); mux's Get keeps only the last
}

// A handler finds its router's handle from the request, with no
// middleware: FromRequest, or the package-level URL and AbsoluteURL that
// use it.
func ExampleFromRequest() {
	api := mux.NewRouter()
	if _, err := partymux.Join(api); err != nil {
		panic(err)
	}
	api.HandleFunc("/items/{id}", hello).Name("item")
	api.HandleFunc("/where", func(w http.ResponseWriter, r *http.Request) {
		h, ok := partymux.FromRequest(r)
		u, _ := h.URL(r, "item", "id", "7")
		abs, _ := partymux.AbsoluteURL(r, "item", "id", "8")
		rel, _ := partymux.URL(r, "item", "id", "9")
		fmt.Fprintln(w, ok, u, abs, rel)
	})
	d := http.NewServeMux()
	d.Handle("/api/", http.StripPrefix("/api", api))
	party, err := core.New(d, []string{"/api/__invite__/"})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://example.com/api/where", nil))
	fmt.Print(rec.Body)

	_, err = partymux.URL(httptest.NewRequest(http.MethodGet, "/elsewhere", nil), "item", "id", "7")
	fmt.Println(errors.Is(err, partymux.ErrNoHandle))
	// Output:
	// true /api/items/7 http://example.com/api/items/8 /api/items/9
	// true
}

// mux tries routes in order: a value an earlier route takes is refused,
// and the error names that route.
func ExampleHandle_URL() {
	r := mux.NewRouter()
	h, _ := partymux.Join(r)
	r.HandleFunc("/items/new", hello).Name("new")
	r.HandleFunc("/items/draft-{n}", hello).Name("draft")
	r.HandleFunc("/r/{y:[0-9]+}", hello).Name("year")
	r.HandleFunc("/items/{id}", hello).Name("item")
	r.HandleFunc("/r/{id}", hello).Name("any")
	if _, err := core.New(r, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	for _, c := range [][]string{{"item", "id", "7"}, {"item", "id", "new"}, {"item", "id", "draft-1"}, {"any", "id", "2024"}, {"any", "id", "v2"}} {
		u, err := h.URL(nil, c[0], c[1:]...)
		var pe *urlfor.ParamError
		if errors.As(err, &pe) {
			fmt.Printf("%s=%q is taken by %s\n", pe.Param, pe.Value, pe.TakenBy)
			continue
		}
		fmt.Println(u)
	}
	// Output:
	// /items/7
	// id="new" is taken by /items/new
	// id="draft-1" is taken by /items/draft-{n}
	// id="2024" is taken by /r/{y:[0-9]+}
	// /r/v2
}

// Behind a proxy that sets X-Forwarded-Host, TrustProxy makes AbsoluteURL
// use it; InviteRoute and WithLogger are the other shared options, and
// Participant tells what the party knows of the app.
func ExampleTrustProxy() {
	r := mux.NewRouter()
	quiet := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: quiet}))
	h, err := partymux.Join(r, partymux.TrustProxy(), partymux.AllowedHosts("blog.example.org"), partymux.InviteRoute("/_party/"), partymux.WithLogger(logger))
	if err != nil {
		panic(err)
	}
	r.HandleFunc("/posts/{id}", hello).Name("post")
	r.HandleFunc("/old/{id}", func(w http.ResponseWriter, req *http.Request) {
		_ = h.Redirect(w, req, http.StatusMovedPermanently, "post", "id", mux.Vars(req)["id"])
	})
	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", r))
	party, err := core.New(d, []string{"/blog/_party/"})
	if err != nil {
		panic(err)
	}
	p, _ := h.Participant()
	fmt.Println(p.Namespace(), p.MountPrefix())

	req := httptest.NewRequest(http.MethodGet, "http://internal/blog/posts/1", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "blog.example.org")
	u, _ := h.AbsoluteURL(req, "post", "id", "7")
	fmt.Println(u)

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/old/3", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	// Output:
	// level=INFO msg="partyline: joined" invite_path=/blog/_party/ namespace=blog mount_prefix=/blog routes=1
	// blog /blog
	// https://blog.example.org/blog/posts/7
	// 301 /blog/posts/3
}

// AllowedHosts: a request naming a listed host gets absolute URLs on it;
// any other Host header gets them on the first host listed, never its own.
func ExampleAllowedHosts() {
	blog := mux.NewRouter()
	h, err := partymux.Join(blog, partymux.AllowedHosts("example.com", "www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.HandleFunc("/posts/{id:[0-9]+}", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", mux.Vars(r)["id"])
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "<link rel=\"canonical\" href=\"%s\">\n", u)
	}).Name("post")
	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(d, []string{"/blog/__invite__/"})
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
	blog := mux.NewRouter()
	h, err := partymux.Join(blog, partymux.CanonicalOrigin("https://www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.HandleFunc("/posts/{id:[0-9]+}", hello).Name("post")
	blog.HandleFunc("/posts/{id:[0-9]+}/share", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", mux.Vars(r)["id"])
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, "mail: read it at", u)
	}).Methods(http.MethodPost)
	d := http.NewServeMux()
	d.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(d, []string{"/blog/__invite__/"})
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
