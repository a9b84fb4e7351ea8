package urlfor_test

import (
	"fmt"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// benchApps is a party of 5 urlfortest participants, mounted at /app0 ...
// /app3 and /blog, with n routes each; the blog's routes include "post",
// "/posts/{year}/{slug}".
func benchParty(b *testing.B, n int) (*core.Party, []*urlfortest.App) {
	b.Helper()
	var ms []mount
	var apps []*urlfortest.App
	for a := 0; a < 5; a++ {
		ns := fmt.Sprintf("app%d", a)
		if a == 4 {
			ns = "blog"
		}
		routes := make([]urlfor.Route, 0, n)
		for i := 0; i < n-1; i++ {
			routes = append(routes, route(fmt.Sprintf("r%d", i), fmt.Sprintf("/r%d/{id}", i)))
		}
		routes = append(routes, route("post", "/posts/{year}/{slug}"))
		app := urlfortest.NewApp(ns, routes...)
		apps = append(apps, app)
		ms = append(ms, mount{"/" + ns, app})
	}
	return newParty(b, ms...), apps
}

var sink string

func benchCrossApp(b *testing.B, n int) {
	p, _ := benchParty(b, n)
	ub := urlfor.New(p)
	want := "/blog/posts/2024/hello-world"
	if u, err := ub.URL("blog:post", "year", "2024", "slug", "hello-world"); err != nil || u != want {
		b.Fatalf("URL = %q, %v; want %q", u, err, want)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sink, _ = ub.URL("blog:post", "year", "2024", "slug", "hello-world")
	}
}

func BenchmarkURL_CrossApp_10routes(b *testing.B)   { benchCrossApp(b, 10) }
func BenchmarkURL_CrossApp_1000routes(b *testing.B) { benchCrossApp(b, 1000) }

// BenchmarkURL_Floor is the least any URL builder can do for the same URL:
// two escapes and a concatenation.
func BenchmarkURL_Floor(b *testing.B) {
	year, slug := "2024", "hello-world"
	b.ReportAllocs()
	for b.Loop() {
		sink = "/blog/posts/" + url.PathEscape(year) + "/" + url.PathEscape(slug)
	}
}

var errSink error

func benchUnknown(b *testing.B, n int) {
	p, _ := benchParty(b, n)
	ub := urlfor.New(p)
	if _, err := ub.URL("blog:pots", "year", "2024", "slug", "hello-world"); err == nil {
		b.Fatal("blog:pots built")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, errSink = ub.URL("blog:pots", "year", "2024", "slug", "hello-world")
	}
}

func BenchmarkURL_Unknown_10routes(b *testing.B)   { benchUnknown(b, 10) }
func BenchmarkURL_Unknown_1000routes(b *testing.B) { benchUnknown(b, 1000) }

func benchLocal(b *testing.B, n int) {
	_, apps := benchParty(b, n)
	blog := apps[4].Participant()
	want := "/blog/posts/2024/hello-world"
	if u, err := blog.URL("post", "year", "2024", "slug", "hello-world"); err != nil || u != want {
		b.Fatalf("URL = %q, %v; want %q", u, err, want)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sink, _ = blog.URL("post", "year", "2024", "slug", "hello-world")
	}
}

func BenchmarkURL_Local_10routes(b *testing.B)   { benchLocal(b, 10) }
func BenchmarkURL_Local_1000routes(b *testing.B) { benchLocal(b, 1000) }

// BenchmarkFuncMapTemplate renders a page of 100 urlFor links with
// html/template.
func BenchmarkFuncMapTemplate(b *testing.B) {
	p, _ := benchParty(b, 10)
	tpl := htmltemplate.Must(htmltemplate.New("page").Funcs(urlfor.FuncMap(urlfor.New(p))).Parse(
		`{{range .}}<a href="{{urlFor "blog:post" "year" .Year "slug" .Slug}}">{{.Slug}}</a>{{end}}`))
	type post struct {
		Year int
		Slug string
	}
	posts := make([]post, 100)
	for i := range posts {
		posts[i] = post{2000 + i%25, fmt.Sprintf("post-%d", i)}
	}
	var sb strings.Builder
	if err := tpl.Execute(&sb, posts); err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(sb.String(), `href="/blog/posts/2099/post-99"`) && !strings.Contains(sb.String(), `href="/blog/posts/2024/post-99"`) {
		b.Fatalf("unexpected page: %.200s", sb.String())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := tpl.Execute(io.Discard, posts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDidYouMean reads the message of an unknown-endpoint error,
// "did you mean" included, for names of 10 B, 1 KiB and 1 MiB in a party
// of 1000 endpoints (5 apps of 200 routes): the cost is linear in the
// endpoints and capped in the name's length (issue 14: a 1 MiB name, taken
// from a request, must not make an error message a CPU sink).
func BenchmarkDidYouMean(b *testing.B) {
	p, _ := benchParty(b, 200)
	ub := urlfor.New(p)
	for _, size := range []int{10, 1 << 10, 1 << 20} {
		name := "blog:" + strings.Repeat("p", size-len("blog:"))
		b.Run(fmt.Sprintf("name=%dB", size), func(b *testing.B) {
			_, err := ub.URL(name)
			if err == nil || len(err.Error()) > 400 {
				b.Fatalf("URL(%d-byte name): %d-byte message", size, len(err.Error()))
			}
			b.ReportAllocs()
			for b.Loop() {
				_, err := ub.URL(name)
				sink = err.Error()
			}
		})
	}
}

// BenchmarkManifest exports the manifest of a party of 5 apps of 1000
// routes each as JSON (export), and loads it back as remote apps (load:
// Remote.Reload parses it and compiles every template again). bytes/op is
// allocation; the document's size is reported as manifest-bytes.
func BenchmarkManifest(b *testing.B) {
	p, _ := benchParty(b, 1000)
	ub := urlfor.New(p)
	opts := urlfor.ManifestOptions{Namespaces: []string{"app0", "app1", "app2", "app3", "blog"}, Origin: "https://example.com"}
	export := func() []byte {
		m, err := ub.Manifest(opts)
		if err != nil {
			b.Fatal(err)
		}
		data, err := m.JSON()
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	data := export()
	b.Run("export/apps=5/routes=1000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = string(export()[:1])
		}
		b.ReportMetric(float64(len(data)), "manifest-bytes")
	})
	b.Run("load/apps=5/routes=1000", func(b *testing.B) {
		other := urlfor.New(newParty(b, mount{"/x", urlfortest.NewApp("x")}))
		rm, err := other.AddRemote(data, "")
		if err != nil {
			b.Fatal(err)
		}
		if u, err := other.URL("blog:post", "year", "2024", "slug", "hello-world"); err != nil || u != "https://example.com/blog/posts/2024/hello-world" {
			b.Fatalf("remote build: %q, %v", u, err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := rm.Reload(data); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(data)), "manifest-bytes")
	})
}
