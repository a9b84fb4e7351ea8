package urlfor_test

import (
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// exampleParty mounts a shop at the root and a blog at /blog in an
// http.ServeMux, as a monolith would, and wraps it in a party. urlfortest
// apps stand in for framework apps: each joins with a fixed route table.
func exampleParty() *core.Party {
	post, _ := urlfor.NewTemplate("/posts/:id", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	archive, _ := urlfor.NewTemplate("/:year/:slug", []urlfor.Part{
		urlfor.Literal("/"), urlfor.Param("year").Matching("[0-9]{4}"), urlfor.Literal("/"), urlfor.Param("slug"),
	})
	search, _ := urlfor.NewTemplate("/search", []urlfor.Part{urlfor.Literal("/search")})
	cart, _ := urlfor.NewTemplate("/cart", []urlfor.Part{urlfor.Literal("/cart")})

	blog := urlfortest.NewApp("blog",
		urlfor.Route{Name: "post", Method: "GET", Pattern: "/posts/:id", Path: post},
		urlfor.Route{Name: "archive", Method: "GET", Pattern: "/:year/:slug", Path: archive},
		urlfor.Route{Name: "search", Method: "GET", Pattern: "/search", Path: search},
	)
	shop := urlfortest.NewApp("", urlfor.Route{Name: "cart", Method: "GET", Pattern: "/cart", Path: cart})

	mux := http.NewServeMux()
	mux.Handle("/", shop)
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/__invite__/", "/blog/__invite__/"})
	if err != nil {
		log.Fatal(err)
	}
	return party
}

// A page of the shop links to a post of the blog without knowing the blog's
// routes or where it is mounted.
func ExampleNew() {
	b := urlfor.New(exampleParty())

	u, err := b.URL("blog:post", "id", "7")
	fmt.Println(u, err)
	u, err = b.URL("post", "id", "7") // bare: the one app that has it
	fmt.Println(u, err)
	u, err = b.URL("blog:archive", "year", "2024", "slug", "hello world")
	fmt.Println(u, err)
	u, err = b.URL("cart") // the shop has no namespace: bare names only
	fmt.Println(u, err)
	// Output:
	// /blog/posts/7 <nil>
	// /blog/posts/7 <nil>
	// /blog/2024/hello%20world <nil>
	// /cart <nil>
}

// Errors are typed and say what to do.
func ExampleBuilder_URL_errors() {
	b := urlfor.New(exampleParty())

	_, err := b.URL("blog:pots", "id", "7")
	fmt.Println(err)
	var unknown *urlfor.UnknownEndpointError
	fmt.Println(errors.As(err, &unknown), unknown.Suggestions())

	_, err = b.URL("blog:post")
	fmt.Println(err, errors.Is(err, urlfor.ErrMissingParam))

	_, err = b.URL("blog:archive", "year", "24", "slug", "x")
	fmt.Println(err)

	_, err = b.URL("blog:post", "id", "..")
	fmt.Println(err)
	// Output:
	// urlfor: unknown endpoint "blog:pots" (did you mean "blog:post"?)
	// true [blog:post]
	// urlfor: blog:post: missing parameter "id" for pattern "/posts/:id" true
	// urlfor: blog:archive: parameter "year" value "24" does not match the constraint "[0-9]{4}" (pattern "/:year/:slug")
	// urlfor: blog:post: parameter "id" value ".." is a dot segment, which clients and routers remove (RFC 3986 §5.2.4) (pattern "/posts/:id")
}

// Pairs the route does not use become the query string: sorted by key,
// repeated keys in the order given, escaped as a form would.
func ExampleBuilder_URL_query() {
	b := urlfor.New(exampleParty())

	u, _ := b.URL("blog:search", "q", "red shoes & socks", "page", "2", "tag", "b", "tag", "a")
	fmt.Println(u)
	u, _ = b.URL("blog:post", "id", "7", "ref", "café#1")
	fmt.Println(u)
	// Output:
	// /blog/search?page=2&q=red+shoes+%26+socks&tag=b&tag=a
	// /blog/posts/7?ref=caf%C3%A9%231
}

// A fragment is an explicit option, never one of the pairs.
func ExampleBuilder_Build_fragment() {
	b := urlfor.New(exampleParty())

	u, _ := b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Fragment: "comment 3"})
	fmt.Println(u)
	u, _ = b.URL("blog:post", "id", "7", "#", "comment")
	fmt.Println(u)
	// Output:
	// /blog/posts/7#comment%203
	// /blog/posts/7?%23=comment
}

// Absolute URLs (Flask's _external) from a configured origin, or from the
// request being served.
func ExampleBuilder_Build_absolute() {
	b := urlfor.New(exampleParty())

	origin, err := urlfor.ParseOrigin("https://example.com")
	if err != nil {
		log.Fatal(err)
	}
	u, _ := b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Origin: origin})
	fmt.Println(u)

	r := httptest.NewRequest("GET", "http://shop.example:8080/cart", nil)
	origin, err = urlfor.RequestOrigin(r, false)
	if err != nil {
		log.Fatal(err)
	}
	u, _ = b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7"}, Origin: origin})
	fmt.Println(u)
	// Output:
	// https://example.com/blog/posts/7
	// http://shop.example:8080/blog/posts/7
}

// Behind a proxy, X-Forwarded-Proto and X-Forwarded-Host count only when
// the caller says the proxy is trusted; a poisoned host is an error.
func ExampleRequestOrigin() {
	r := httptest.NewRequest("GET", "http://10.0.0.5:8080/", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "www.example.com")

	o, _ := urlfor.RequestOrigin(r, false)
	fmt.Println(o)
	o, _ = urlfor.RequestOrigin(r, true)
	fmt.Println(o)

	r.Header.Set("X-Forwarded-Host", "evil.example/phish")
	_, err := urlfor.RequestOrigin(r, true)
	fmt.Println(err)
	// Output:
	// http://10.0.0.5:8080
	// https://www.example.com
	// urlfor: bad call: origin host "evil.example/phish" is not a DNS host name (letters, digits, hyphens and dots; an international name in its IDNA form, xn--), an IPv4 address or a bracketed IPv6 address
}

func ExampleParseOrigin() {
	o, err := urlfor.ParseOrigin("HTTPS://example.com:8443/")
	fmt.Printf("%q %q %v\n", o.Scheme, o.Host, err)
	_, err = urlfor.ParseOrigin("https://example.com/app")
	fmt.Println(err)
	// Output:
	// "https" "example.com:8443" <nil>
	// urlfor: bad call: origin host "example.com/app" is not a DNS host name (letters, digits, hyphens and dots; an international name in its IDNA form, xn--), an IPv4 address or a bracketed IPv6 address
}

// Inside an app, bare names mean the app's own endpoints first (Flask's
// ".name").
func ExampleParticipant_URL() {
	home, _ := urlfor.NewTemplate("/", []urlfor.Part{urlfor.Literal("/")})
	blog := urlfortest.NewApp("blog", urlfor.Route{Name: "home", Pattern: "/", Path: home})
	forum := urlfortest.NewApp("forum", urlfor.Route{Name: "home", Pattern: "/", Path: home})
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	mux.Handle("/forum/", http.StripPrefix("/forum", forum))
	party, err := core.New(mux, []string{"/blog/__invite__/", "/forum/__invite__/"})
	if err != nil {
		log.Fatal(err)
	}

	u, _ := blog.Participant().URL("home")
	fmt.Println(u)
	u, _ = blog.Participant().URL("forum:home")
	fmt.Println(u)
	_, err = urlfor.New(party).URL("home")
	fmt.Println(err)
	// Output:
	// /blog/
	// /forum/
	// urlfor: "home" is ambiguous: blog:home (/), forum:home (/); qualify the name or rename a route
}

// urlFor in html/template: values may be strings, integers or Stringers; a
// failed build fails the execution.
func ExampleFuncMap() {
	b := urlfor.New(exampleParty())
	page := template.Must(template.New("page").Funcs(urlfor.FuncMap(b)).Parse(
		`<a href="{{urlFor "blog:post" "id" .ID}}">post</a> ` +
			`<a href="{{urlFor "blog:search" "q" .Query "page" 2}}">search</a>` + "\n"))

	err := page.Execute(os.Stdout, struct {
		ID    int
		Query string
	}{7, "go & templates"})
	fmt.Println(err)

	err = page.Execute(os.Stdout, struct {
		ID    string
		Query string
	}{"..", "x"})
	fmt.Println()
	fmt.Println(errors.Is(err, urlfor.ErrInvalidParam))
	// Output:
	// <a href="/blog/posts/7">post</a> <a href="/blog/search?page=2&amp;q=go&#43;%26&#43;templates">search</a>
	// <nil>
	// <a href="
	// true
}

// In a test: every urlFor call with a literal name must name an endpoint of
// the party and give its required parameters.
func ExampleVerifyHTML() {
	b := urlfor.New(exampleParty())
	t := template.Must(template.New("page.html").Funcs(urlfor.FuncMap(b)).Parse(
		`{{urlFor "blog:post" "id" .ID}}
{{urlFor "blog:pots" "id" .ID}}
{{if .Archive}}{{urlFor "blog:archive" "slug" .Slug}}{{end}}
{{urlFor .Computed}}`))

	err := urlfor.VerifyHTML(b, t)
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Println(line)
	}
	// Output:
	// urlfor: template page.html: page.html:2:2: urlFor "blog:pots": urlfor: unknown endpoint "blog:pots" (did you mean "blog:post"?)
	// urlfor: template page.html: page.html:3:17: urlFor "blog:archive": urlfor: blog:archive: missing parameter "year" for pattern "/:year/:slug"
}

// An adapter translates its framework's pattern into parts; every
// framework shares one Build.
func ExampleNewTemplate() {
	// chi's "/files/{owner:[a-z]+}/{path...}"-like pattern, in parts.
	t, err := urlfor.NewTemplate("/files/{owner:[a-z]+}/*", []urlfor.Part{
		urlfor.Literal("/files/"),
		urlfor.Param("owner").Matching("[a-z]+"),
		urlfor.Literal("/"),
		urlfor.Wildcard("path"),
	})
	fmt.Println(t.Params(), err)

	_, err = urlfor.NewTemplate("/:a:b", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("a"), urlfor.Param("b")})
	fmt.Println(err)
	// Output:
	// [owner path] <nil>
	// urlfor: invalid template "/:a:b": parameters "a" and "b" have no literal text between them
}

// A parameter is escaped as one path segment, a wildcard keeps its "/";
// what the router could not route back is refused.
func ExampleTemplate_Build() {
	post, _ := urlfor.NewTemplate("/posts/:id", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	files, _ := urlfor.NewTemplate("/files/*path", []urlfor.Part{urlfor.Literal("/files/"), urlfor.Wildcard("path")})
	// gin and gorilla/mux route on the decoded path: "%2F" cannot come back.
	ginPost, _ := urlfor.NewTemplate("/posts/:id", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")}, urlfor.Unroutable("/"))

	fmt.Println(post.Build("id", "a/b c?"))
	fmt.Println(post.Build("id", "{id}"))
	fmt.Println(files.Build("path", "docs/read me.txt"))
	fmt.Println(files.Build("path", "../etc/passwd"))
	fmt.Println(ginPost.Build("id", "a/b"))
	// Output:
	// /posts/a%2Fb%20c%3F <nil>
	// /posts/%7Bid%7D <nil>
	// /files/docs/read%20me.txt <nil>
	//  urlfor: /files/*path: parameter "path" value "../etc/passwd" has a dot segment, which clients and routers remove (RFC 3986 §5.2.4) (pattern "/files/*path")
	//  urlfor: /posts/:id: parameter "id" value "a/b" contains one of "/", which this router cannot route back even percent-encoded (pattern "/posts/:id")
}

// Member is what adapters share: it answers the invite route, joins, and
// builds local-first once invited.
func ExampleMember() {
	post, _ := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	routes := urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "post", Method: "GET", Pattern: "/posts/{id}", Path: post}}
	})
	m := urlfor.NewMember(urlfor.Config{Namespace: "blog", Framework: "nethttp", Source: routes}, nil)

	app := http.NewServeMux()
	app.HandleFunc(m.InviteRoute(), func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(m.Accept(r))
	})
	app.HandleFunc("GET /posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		next, _ := strconvAdd(r.PathValue("id"), 1)
		u, err := m.URL("post", "id", next)
		fmt.Fprint(w, u, err)
	})

	_, err := m.URL("post", "id", "1")
	fmt.Println(err)

	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", app))
	party, err := core.New(mux, []string{"/blog/__invite__/"})
	if err != nil {
		log.Fatal(err)
	}
	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest("GET", "/blog/posts/1", nil))
	fmt.Println(rec.Body)
	// Output:
	// urlfor: not invited yet: this app has not accepted an invitation; wrap the dispatcher with core.New and list the app's invite path
	// /blog/posts/2<nil>
}

func strconvAdd(s string, n int) (string, error) {
	var i int
	_, err := fmt.Sscan(s, &i)
	return fmt.Sprint(i + n), err
}
