package partyhttp_test

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/partyline-go/partyline/adapters/nethttp"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func showPost(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "post", r.PathValue("id")) }

// A plain net/http app joins a party: swap http.NewServeMux for
// partyhttp.NewServeMux, name the routes you link to, Join, and mount it
// under any dispatcher wrapped by core.New.
func Example() {
	blog := partyhttp.NewServeMux()
	h, err := partyhttp.Join(blog)
	if err != nil {
		panic(err)
	}
	blog.Named("post").HandleFunc("GET /posts/{id}", showPost)
	blog.Named("index").HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		u, _ := h.URL(r, "post", "id", "7")
		fmt.Fprintf(w, "<a href=%q>latest</a>", u)
	})

	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(root, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/", nil))
	fmt.Println(rec.Body.String())
	rec = httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/posts/7", nil))
	fmt.Print(rec.Body.String())
	// Output:
	// <a href="/blog/posts/7">latest</a>
	// post 7
}

// Routes are named as they are registered; unnamed ones are listed too.
// Every Go 1.22 pattern has a URL: parameters, "{name...}" wildcards, "{$}",
// subtrees (their remainder is partyhttp.SubtreeParam), hosts.
func ExampleServeMux_Named() {
	mux := partyhttp.NewServeMux()
	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
	mux.HandleFunc("POST /posts/{id}", showPost) // same URL, no second name needed
	mux.Named("file").Handle("/files/{path...}", http.NotFoundHandler())
	mux.Named("static").Handle("/static/", http.NotFoundHandler())
	mux.Named("about").Handle("example.com/about", http.NotFoundHandler())
	h, _ := partyhttp.Join(mux)
	if _, err := core.New(mux, []string{"/__invite__/"}); err != nil {
		panic(err)
	}

	for _, r := range mux.Routes() {
		fmt.Printf("%-7q %s\n", r.Name, r.Pattern)
	}
	for _, call := range [][]string{
		{"post", "id", "a/b c"},
		{"post", "id", "7", "page", "2"},
		{"file", "path", "docs/read me.txt"},
		{"static", partyhttp.SubtreeParam, "css/site.css"},
		{"about"},
	} {
		u, err := h.URL(nil, call[0], call[1:]...)
		fmt.Println(u, err)
	}
	// Output:
	// "post"  GET /posts/{id}
	// ""      POST /posts/{id}
	// "file"  /files/{path...}
	// "static" /static/
	// "about" example.com/about
	// /posts/a%2Fb%20c <nil>
	// /posts/7?page=2 <nil>
	// /files/docs/read%20me.txt <nil>
	// /static/css/site.css <nil>
	// http://example.com/about <nil>
}

// Names are local first; "shop:cart" reaches another app of the party,
// whatever its framework (here a hand-made one).
func ExampleJoin() {
	blog := partyhttp.NewServeMux()
	h, err := partyhttp.Join(blog, partyhttp.Namespace("journal"))
	if err != nil {
		panic(err)
	}
	blog.Named("post").HandleFunc("GET /posts/{id}", showPost)
	shop := urlfortest.NewApp("shop", urlfortest.Route("cart", "GET", "/cart/:id",
		urlfor.Literal("/cart/"), urlfor.Param("id")))

	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", blog))
	root.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(root, []string{"/blog/__invite__/", "/shop/__invite__/"})
	if err != nil {
		panic(err)
	}

	fmt.Println(h.URL(nil, "post", "id", "1"))
	fmt.Println(h.URL(nil, "shop:cart", "id", "42"))
	fmt.Println(urlfor.New(party).URL("journal:post", "id", "2"))
	p, _ := h.Participant()
	fmt.Println(p.Namespace(), p.MountPrefix(), p.Framework())
	_, err = h.URL(nil, "post", "id", "..")
	fmt.Println(err)
	// Output:
	// /blog/posts/1 <nil>
	// /shop/cart/42 <nil>
	// /blog/posts/2 <nil>
	// journal /blog net/http
	// urlfor: post: parameter "id" value ".." is a dot segment, which clients and routers remove (RFC 3986 §5.2.4) (pattern "GET /posts/{id}")
}

// Redirect answers with http.Redirect to an endpoint's URL.
func ExampleHandle_Redirect() {
	mux := partyhttp.NewServeMux()
	h, _ := partyhttp.Join(mux)
	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
	mux.HandleFunc("GET /p/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := h.Redirect(w, r, http.StatusMovedPermanently, "post", "id", r.PathValue("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", mux))
	party, _ := core.New(root, []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/p/7", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	fmt.Println(h.Redirect(httptest.NewRecorder(), nil, http.StatusOK, "post", "id", "7"))
	// Output:
	// 301 /blog/posts/7
	// urlfor: redirect status 200 is not a 3xx status
}

// FuncMap gives templates urlFor, with the app's names first.
func ExampleHandle_FuncMap() {
	mux := partyhttp.NewServeMux()
	h, _ := partyhttp.Join(mux)
	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
	page := template.Must(template.New("page").Funcs(h.FuncMap()).Parse(
		`<a href="{{urlFor "post" "id" .}}">post {{.}}</a>` + "\n"))

	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", mux))
	if _, err := core.New(root, []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	_ = page.Execute(os.Stdout, 7)
	// Output:
	// <a href="/blog/posts/7">post 7</a>
}

// Handlers that do not hold the handle find it in the request context,
// where Handle.Middleware put it: partyhttp.URL, AbsoluteURL and Redirect.
func ExampleFromRequest() {
	blog := partyhttp.NewServeMux()
	h, _ := partyhttp.Join(blog)
	blog.Named("post").HandleFunc("GET /posts/{id}", showPost)
	blog.HandleFunc("GET /share/{id}", func(w http.ResponseWriter, r *http.Request) {
		_, ok := partyhttp.FromRequest(r)
		u, _ := partyhttp.URL(r, "post", "id", r.PathValue("id"))
		abs, _ := partyhttp.AbsoluteURL(r, "post", "id", r.PathValue("id"))
		fmt.Fprintln(w, ok, u, abs)
	})
	blog.HandleFunc("GET /p/{id}", func(w http.ResponseWriter, r *http.Request) {
		_ = partyhttp.Redirect(w, r, http.StatusFound, "post", "id", r.PathValue("id"))
	})
	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", h.Middleware(blog)))
	party, _ := core.New(root, []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "https://example.com/blog/share/7", nil))
	fmt.Print(rec.Body.String())
	rec = httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/p/7", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	_, err := partyhttp.URL(httptest.NewRequest("GET", "/", nil), "post", "id", "7")
	fmt.Println(errors.Is(err, partyhttp.ErrNoHandle))
	// Output:
	// true /blog/posts/7 https://example.com/blog/posts/7
	// 302 /blog/posts/7
	// true
}

// AbsoluteURL takes the scheme and host the client used.
func ExampleHandle_AbsoluteURL() {
	mux := partyhttp.NewServeMux()
	h, _ := partyhttp.Join(mux, partyhttp.TrustProxy())
	mux.Named("post").HandleFunc("GET /posts/{id}", showPost)
	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", mux))
	if _, err := core.New(root, []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	r := httptest.NewRequest("GET", "http://10.0.0.2:8080/blog/", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "example.com")
	fmt.Println(h.AbsoluteURL(r, "post", "id", "7"))
	// Output:
	// https://example.com/blog/posts/7 <nil>
}

// AllowedHosts: a request naming a listed host gets absolute URLs on it;
// any other Host header gets them on the first host listed, never its own.
func ExampleAllowedHosts() {
	blog := partyhttp.NewServeMux()
	h, err := partyhttp.Join(blog, partyhttp.AllowedHosts("example.com", "www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.Named("post").HandleFunc("GET /posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "<link rel=\"canonical\" href=\"%s\">\n", u)
	})
	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(root, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	for _, host := range []string{"www.example.com", "evil.example"} {
		r := httptest.NewRequest("GET", "/blog/posts/7", nil)
		r.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, r)
		fmt.Print(rec.Body)
	}
	// Output:
	// <link rel="canonical" href="http://www.example.com/blog/posts/7">
	// <link rel="canonical" href="http://example.com/blog/posts/7">
}

// CanonicalOrigin: every absolute URL is on one origin, whatever the Host
// header says; a hostile one cannot reach a link, an e-mail or a redirect.
func ExampleCanonicalOrigin() {
	blog := partyhttp.NewServeMux()
	h, err := partyhttp.Join(blog, partyhttp.CanonicalOrigin("https://www.example.com"))
	if err != nil {
		panic(err)
	}
	blog.Named("post").HandleFunc("GET /posts/{id}", showPost)
	blog.HandleFunc("POST /posts/{id}/share", func(w http.ResponseWriter, r *http.Request) {
		u, err := h.AbsoluteURL(r, "post", "id", r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, "mail: read it at", u)
	})
	root := http.NewServeMux()
	root.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(root, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	for _, host := range []string{"10.0.0.7:8080", "x'onmouseover='alert(1)"} {
		r := httptest.NewRequest("POST", "/blog/posts/7/share", nil)
		r.Host = host
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, r)
		fmt.Print(rec.Body)
	}
	// Output:
	// mail: read it at https://www.example.com/blog/posts/7
	// mail: read it at https://www.example.com/blog/posts/7
}
