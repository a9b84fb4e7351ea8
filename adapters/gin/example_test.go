package partygin_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing/fstest"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

func showArticle(c *gin.Context) { c.String(http.StatusOK, "article %s", c.Param("id")) }

// A gin app joins the party of the dispatcher it is mounted in, and builds
// its URLs with its mount prefix.
func ExampleJoin() {
	gin.SetMode(gin.TestMode)
	blog := gin.New()
	h, err := partygin.Join(blog)
	if err != nil {
		panic(err)
	}
	h.Router(blog).Named("post").GET("/posts/:id", showArticle)

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}

	fmt.Println(h.URL(nil, "post", "id", "7"))
	fmt.Println(h.URL(nil, "blog:post", "id", "hello world", "lang", "en"))
	// Output:
	// /blog/posts/7 <nil>
	// /blog/posts/hello%20world?lang=en <nil>
}

func requireAdmin(c *gin.Context) {}
func listUsers(c *gin.Context)    {}

// Names are given when a route is registered, through a Router; they
// survive groups and middleware. Routes registered without a name are
// named after their handler.
func ExampleRouter_Named() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine)
	if err != nil {
		panic(err)
	}
	r := h.Router(engine)
	r.Named("post").GET("/posts/:id", showArticle)
	admin := r.Group("/admin", requireAdmin)
	admin.Named("user").GET("/users/:id", showArticle)
	admin.GET("/users", listUsers) // default name: "gin_test.listUsers"

	mux := http.NewServeMux()
	mux.Handle("/", engine)
	if _, err := core.New(mux, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(h.URL(nil, "post", "id", "1"))
	fmt.Println(h.URL(nil, "user", "id", "ann"))
	fmt.Println(h.URL(nil, "gin_test.listUsers", "page", "2"))
	fmt.Println(partygin.DefaultName(listUsers))
	// Output:
	// /posts/1 <nil>
	// /admin/users/ann <nil>
	// /admin/users?page=2 <nil>
	// gin_test.listUsers
}

// A gin app links to another app of the party by its namespace: here a
// shop (a stand-in app from urlfortest) mounted at /shop.
func ExampleHandle_URL_crossApp() {
	gin.SetMode(gin.TestMode)
	blog := gin.New()
	h, err := partygin.Join(blog)
	if err != nil {
		panic(err)
	}
	shop := urlfortest.NewApp("shop",
		urlfortest.Route("cart", "GET", "/cart/:user", urlfor.Literal("/cart/"), urlfor.Param("user")))

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/shop/", http.StripPrefix("/shop", shop))
	if _, err := core.New(mux, []string{"/blog/__invite__/", "/shop/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(h.URL(nil, "shop:cart", "user", "ann"))
	fmt.Println(h.URL(nil, "cart", "user", "bob")) // a bare name: the one app that has it
	// Output:
	// /shop/cart/ann <nil>
	// /shop/cart/bob <nil>
}

// Redirect answers with gin's c.Redirect to an endpoint's URL. The
// package-level Redirect finds the handle through its middleware.
func ExampleHandle_Redirect() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine)
	if err != nil {
		panic(err)
	}
	engine.Use(h.Middleware())
	r := h.Router(engine)
	r.Named("post").GET("/posts/:id", showArticle)
	r.GET("/latest", func(c *gin.Context) {
		if err := h.Redirect(c, http.StatusFound, "post", "id", "42"); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
		}
	})
	r.GET("/p/:id", func(c *gin.Context) {
		if err := partygin.Redirect(c, http.StatusMovedPermanently, "post", "id", c.Param("id")); err != nil {
			c.String(http.StatusInternalServerError, err.Error())
		}
	})

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", engine))
	p, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}
	for _, path := range []string{"/blog/latest", "/blog/p/7"} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		fmt.Println(path, rec.Code, rec.Header().Get("Location"))
	}
	// Output:
	// /blog/latest 302 /blog/posts/42
	// /blog/p/7 301 /blog/posts/7
}

// FuncMap gives gin's HTML templates urlFor: install it with SetFuncMap
// before loading the templates (LoadHTMLGlob, LoadHTMLFiles, LoadHTMLFS).
func ExampleHandle_FuncMap() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine)
	if err != nil {
		panic(err)
	}
	engine.SetFuncMap(h.FuncMap())
	engine.LoadHTMLFS(http.FS(fstest.MapFS{
		"index.tmpl": {Data: []byte(`<a href="{{urlFor "post" "id" .ID}}">{{.Title}}</a>`)},
	}), "*.tmpl")
	r := h.Router(engine)
	r.Named("post").GET("/posts/:id", showArticle)
	r.Named("index").GET("/", func(c *gin.Context) {
		c.HTML(http.StatusOK, "index.tmpl", gin.H{"ID": 7, "Title": "Hello"})
	})

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", engine))
	p, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/", nil))
	fmt.Println(rec.Body.String())
	// Output:
	// <a href="/blog/posts/7">Hello</a>
}

// A value gin would route elsewhere is refused: "/users/me" is a route of
// its own, so no URL of "/users/:id" can carry the id "me". The
// *urlfor.ParamError names the route that takes it.
func ExampleHandle_URL_taken() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine)
	if err != nil {
		panic(err)
	}
	r := h.Router(engine)
	r.Named("user").GET("/users/:id", showArticle)
	r.Named("me").GET("/users/me", showArticle)

	mux := http.NewServeMux()
	mux.Handle("/", engine)
	if _, err := core.New(mux, []string{"/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(h.URL(nil, "user", "id", "mel"))
	_, err = h.URL(nil, "user", "id", "me")
	var pe *urlfor.ParamError
	if errors.As(err, &pe) {
		fmt.Println(pe.TakenBy)
	}
	fmt.Println(err)
	// Output:
	// /users/mel <nil>
	// GET /users/me
	// urlfor: user: parameter "id" value "me" reaches "GET /users/me" instead (pattern "/users/:id")
}

// A handler without the handle finds it in the gin context, put there by
// the handle's middleware: FromContext, and the package-level URL and
// AbsoluteURL.
func ExampleFromContext() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine)
	if err != nil {
		panic(err)
	}
	engine.Use(h.Middleware())
	r := h.Router(engine)
	r.Named("post").GET("/posts/:id", showArticle)
	r.GET("/links", func(c *gin.Context) {
		_, ok := partygin.FromContext(c)
		u, _ := partygin.URL(c, "post", "id", "7")
		abs, _ := partygin.AbsoluteURL(c, "post", "id", "7")
		c.String(http.StatusOK, "%v %s %s", ok, u, abs)
	})

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", engine))
	p, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://example.com/blog/links", nil))
	fmt.Println(rec.Body.String())
	// Output:
	// true /blog/posts/7 http://example.com/blog/posts/7
}

// AbsoluteURL takes the scheme and host the client used; with TrustProxy,
// those a proxy in front says in X-Forwarded-Proto and X-Forwarded-Host.
func ExampleHandle_AbsoluteURL() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	h, err := partygin.Join(engine, partygin.TrustProxy())
	if err != nil {
		panic(err)
	}
	r := h.Router(engine)
	r.Named("post").GET("/posts/:id", showArticle)
	r.GET("/share", func(c *gin.Context) {
		u, err := h.AbsoluteURL(c, "post", "id", "7")
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.String(http.StatusOK, u)
	})

	mux := http.NewServeMux()
	mux.Handle("/", engine)
	p, err := core.New(mux, []string{"/__invite__/"})
	if err != nil {
		panic(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://10.0.0.7/share", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("X-Forwarded-Host", "blog.example")
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, req)
	fmt.Println(rec.Body.String())
	// Output:
	// https://blog.example/posts/7
}

// Options: a namespace of its own, and the full invite route of an app
// whose dispatcher does not strip the mount prefix (its routes are
// registered with it), logging the invitation. Participant describes the
// app once it has joined.
func ExampleInviteRoute() {
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	h, err := partygin.Join(engine, partygin.Namespace("shop"),
		partygin.InviteRoute("/store/__invite__/"), partygin.WithLogger(logger))
	if err != nil {
		panic(err)
	}
	h.Router(engine).Group("/store").Named("cart").GET("/cart/:user", showArticle)

	mux := http.NewServeMux()
	mux.Handle("/store/", engine) // no StripPrefix
	if _, err := core.New(mux, []string{"/store/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(h.URL(nil, "shop:cart", "user", "ann"))
	p, _ := h.Participant()
	fmt.Println(p.Namespace(), p.MountPrefix(), h)
	// Output:
	// level=INFO msg="partyline: joined" invite_path=/store/__invite__/ namespace=shop mount_prefix="" routes=1
	// /store/cart/ann <nil>
	// shop  partygin app "shop" at ""
}

// AllowedHosts: a request naming a listed host gets absolute URLs on it;
// any other Host header gets them on the first host listed, never its own.
func ExampleAllowedHosts() {
	gin.SetMode(gin.TestMode)
	blog := gin.New()
	h, err := partygin.Join(blog, partygin.AllowedHosts("example.com", "www.example.com"))
	if err != nil {
		panic(err)
	}
	h.Router(blog).Named("post").GET("/posts/:id", func(c *gin.Context) {
		u, err := h.AbsoluteURL(c, "post", "id", c.Param("id"))
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.String(http.StatusOK, "<link rel=\"canonical\" href=\"%s\">\n", u)
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
	gin.SetMode(gin.TestMode)
	blog := gin.New()
	h, err := partygin.Join(blog, partygin.CanonicalOrigin("https://www.example.com"))
	if err != nil {
		panic(err)
	}
	r := h.Router(blog)
	r.Named("post").GET("/posts/:id", showArticle)
	r.POST("/posts/:id/share", func(c *gin.Context) {
		u, err := h.AbsoluteURL(c, "post", "id", c.Param("id"))
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.String(http.StatusOK, "mail: read it at %s\n", u)
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
