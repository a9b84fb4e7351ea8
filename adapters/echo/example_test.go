package partyecho_test

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/labstack/echo/v4"
	"github.com/partyline-go/partyline/adapters/echo"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func showPost(c echo.Context) error { return c.String(http.StatusOK, "post "+c.Param("id")) }

// An echo blog mounted at /blog joins the party; its handlers build their
// own URLs with the mount prefix.
func ExampleJoin() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	h, err := partyecho.Join(e)
	if err != nil {
		panic(err)
	}

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	if _, err := core.New(mux, []string{"/blog" + core.DefaultInvitePath}); err != nil {
		panic(err)
	}

	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	fmt.Println(h.URL(c, "post", "id", "7"))
	fmt.Println(h.URL(c, "post", "id", "a/b c", "page", "2"))
	// Output:
	// /blog/posts/7 <nil>
	// /blog/posts/a%2Fb%20c?page=2 <nil>
}

// Endpoints are echo's route names: the name you set, or echo's default,
// the handler's full function name (HandlerName computes it).
func ExampleHandlerName() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	e.GET("/posts/:id/comments/*", showPost) // not named: echo names it after showPost
	admin := e.Group("/admin")
	admin.GET("/users/:id", showPost).Name = "admin.user"

	h, _ := partyecho.Join(e)
	core.New(e, []string{core.DefaultInvitePath}) // the app alone, at the root

	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	fmt.Println(partyecho.HandlerName(showPost))
	fmt.Println(h.URL(c, partyecho.HandlerName(showPost), "id", "7", "*", "2024/05"))
	fmt.Println(h.URL(c, "admin.user", "id", "9"))
	// Output:
	// github.com/partyline-go/partyline/adapters/echo_test.showPost
	// /posts/7/comments/2024/05 <nil>
	// /admin/users/9 <nil>
}

// A link from the echo blog to another app of the party, here a shop
// without a framework (urlfortest) mounted at /shop: qualify the name with
// the app's namespace. A bare name is the blog's own first.
func ExampleHandle_URL_crossApp() {
	blog := echo.New()
	blog.GET("/", showPost).Name = "home"
	h, _ := partyecho.Join(blog)
	shop := urlfortest.NewApp("shop",
		urlfortest.Route("home", "GET", "/", urlfor.Literal("/")),
		urlfortest.Route("cart", "GET", "/cart/{id}", urlfor.Literal("/cart/"), urlfor.Param("id")))

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	core.New(mux, []string{"/blog/__invite__/", "/shop/__invite__/"})

	c := blog.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	fmt.Println(h.URL(c, "shop:cart", "id", "3"))
	fmt.Println(h.URL(c, "home"))
	fmt.Println(h.URL(c, "shop:home"))
	// Output:
	// /shop/cart/3 <nil>
	// /blog/ <nil>
	// /shop/ <nil>
}

// A handler redirects to an endpoint of another app; the package-level
// Redirect finds the handle through c.Echo().
func ExampleRedirect() {
	blog, shop := echo.New(), echo.New()
	blog.GET("/buy/:id", func(c echo.Context) error {
		return partyecho.Redirect(c, http.StatusSeeOther, "shop:cart", "id", c.Param("id"))
	})
	shop.GET("/cart/:id", func(c echo.Context) error { return c.String(http.StatusOK, "cart "+c.Param("id")) }).Name = "cart"
	partyecho.Join(blog)
	partyecho.Join(shop)

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	p, _ := core.New(mux, []string{"/blog/__invite__/", "/shop/__invite__/"})
	srv := httptest.NewServer(p)
	defer srv.Close()

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, _ := client.Get(srv.URL + "/blog/buy/3")
	res.Body.Close()
	fmt.Println(res.StatusCode, res.Header.Get("Location"))

	res, _ = http.Get(srv.URL + "/blog/buy/3") // followed
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Println(res.Status, string(body))
	// Output:
	// 303 /shop/cart/3
	// 200 OK cart 3
}

// Templates rendered by echo's c.Render get urlFor through NewRenderer.
func ExampleNewRenderer() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e)
	r := partyecho.NewRenderer(h, template.New("views"))
	template.Must(r.Template.New("post.html").Parse(`<a href="{{urlFor "post" "id" .}}">read</a>`))
	e.Renderer = r
	e.GET("/", func(c echo.Context) error { return c.Render(http.StatusOK, "post.html", "a b") })

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	p, _ := core.New(mux, []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/", nil))
	fmt.Println(rec.Body.String())
	// Output:
	// <a href="/blog/posts/a%20b">read</a>
}

// echo hands c.Param raw when the request has a RawPath, which a URL
// partyecho builds has only for "/" inside one segment ("%2F"), and
// decoded otherwise; Param gives the value either way.
func ExampleParam() {
	e := echo.New()
	e.GET("/posts/:id", func(c echo.Context) error {
		v, err := partyecho.Param(c, "id")
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, fmt.Sprintf("c.Param=%q Param=%q", c.Param("id"), v))
	})
	for _, target := range []string{"/posts/a%2Fb", "/posts/a%20b", "/posts/100%25", "/posts/Smith,%20John"} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(target, rec.Body.String())
	}
	// Output:
	// /posts/a%2Fb c.Param="a%2Fb" Param="a/b"
	// /posts/a%20b c.Param="a b" Param="a b"
	// /posts/100%25 c.Param="100%" Param="100%"
	// /posts/Smith,%20John c.Param="Smith, John" Param="Smith, John"
}

// A handler finds its app's handle from its context: FromContext looks up
// c.Echo() among the joined apps.
func ExampleFromContext() {
	e := echo.New()
	e.GET("/posts/:id", func(c echo.Context) error {
		h, ok := partyecho.FromContext(c)
		if !ok {
			return echo.ErrInternalServerError
		}
		u, err := h.URL(c, "post", "id", "8")
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, "next: "+u)
	}).Name = "post"
	partyecho.Join(e)
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	p, _ := core.New(mux, []string{"/blog/__invite__/"})

	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/posts/7", nil))
	fmt.Println(rec.Body.String())

	_, ok := partyecho.FromContext(echo.New().NewContext(nil, nil)) // an app that never joined
	fmt.Println(ok)
	// Output:
	// next: /blog/posts/8
	// false
}

// The package-level URL finds the handle itself; a value another route
// takes is refused, naming that route.
func ExampleURL() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	e.GET("/posts/new", showPost).Name = "new"
	partyecho.Join(e)
	core.New(e, []string{core.DefaultInvitePath})

	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), httptest.NewRecorder())
	fmt.Println(partyecho.URL(c, "post", "id", "7", "page", "2"))
	_, err := partyecho.URL(c, "post", "id", "new")
	var pe *urlfor.ParamError
	fmt.Println(errors.As(err, &pe), pe.TakenBy)
	_, err = partyecho.URL(echo.New().NewContext(nil, nil), "post", "id", "7")
	fmt.Println(errors.Is(err, partyecho.ErrNoHandle))
	// Output:
	// /posts/7?page=2 <nil>
	// true GET /posts/new
	// true
}

// Absolute URLs take the request's scheme and host, or, with TrustProxy,
// the proxy's X-Forwarded-Proto and X-Forwarded-Host; AllowedHosts
// polices either host.
func ExampleAbsoluteURL() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	partyecho.Join(e, partyecho.TrustProxy(), partyecho.AllowedHosts("example.test", "blog.example.com"))
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", e))
	core.New(mux, []string{"/blog/__invite__/"})

	r := httptest.NewRequest(http.MethodGet, "http://example.test/", nil)
	c := e.NewContext(r, httptest.NewRecorder())
	fmt.Println(partyecho.AbsoluteURL(c, "post", "id", "7"))
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "blog.example.com")
	fmt.Println(partyecho.AbsoluteURL(c, "post", "id", "7"))
	// Output:
	// http://example.test/blog/posts/7 <nil>
	// https://blog.example.com/blog/posts/7 <nil>
}

// Behind a dispatcher that does not strip the mount prefix, the app
// registers its routes under it and says where its invite route is; the
// namespace is then given.
func ExampleInviteRoute() {
	e := echo.New()
	blog := e.Group("/blog")
	blog.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e, partyecho.InviteRoute("/blog/__invite__/"), partyecho.Namespace("blog"))
	core.New(e, []string{"/blog/__invite__/"})

	pt, _ := h.Participant()
	fmt.Printf("%q %q\n", pt.Namespace(), pt.MountPrefix())
	fmt.Println(h.URL(nil, "blog:post", "id", "7"))
	_, err := partyecho.Join(echo.New(), partyecho.InviteRoute("/:x/"))
	fmt.Println(errors.Is(err, partyecho.ErrInvalidOption))
	// Output:
	// "blog" ""
	// /blog/posts/7 <nil>
	// true
}

// Templates outside echo's renderer take urlFor from FuncMap.
func ExampleHandle_FuncMap() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e)
	core.New(e, []string{core.DefaultInvitePath})

	t := template.Must(template.New("").Funcs(h.FuncMap()).Parse(`<a href="{{urlFor "post" "id" .}}">`))
	t.Execute(os.Stdout, 7)
	fmt.Println()
	// Output:
	// <a href="/posts/7">
}

// Handle.Redirect answers through echo's c.Redirect; a status that is not
// a redirect writes nothing.
func ExampleHandle_Redirect() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e)
	core.New(e, []string{core.DefaultInvitePath})

	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/", nil), rec)
	fmt.Println(h.Redirect(c, http.StatusFound, "post", "id", "7"), rec.Code, rec.Header().Get("Location"))
	var rc *urlfor.RedirectCodeError
	fmt.Println(errors.As(h.Redirect(c, http.StatusOK, "post", "id", "7"), &rc))
	// Output:
	// <nil> 302 /posts/7
	// true
}

// AllowedHosts: absolute URLs use the request's host only when it is
// listed (".example.org": the domain and its subdomains); any other Host
// header gets the first entry, never the client's text.
func ExampleAllowedHosts() {
	e := echo.New()
	e.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e, partyecho.AllowedHosts("blog.example.com", ".example.org"))
	e.GET("/share/:id", func(c echo.Context) error {
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
	e.GET("/posts/:id", showPost).Name = "post"
	h, _ := partyecho.Join(e, partyecho.CanonicalOrigin("https://www.example.com"))
	e.GET("/share/:id", func(c echo.Context) error {
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
