package bench

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// page is a page of 100 links to the echo app's posts.
const page = `{{range .}}<a href="{{urlFor "blog:post" "year" .Year "slug" .Slug}}">{{.Slug}}</a>
{{end}}`

// floorPage is the same page with the links built by hand, by a template
// function that concatenates with url.PathEscape (the floor of
// BenchmarkURLFloor): what html/template costs without urlFor.
const floorPage = `{{range .}}<a href="{{postURL .Year .Slug}}">{{.Slug}}</a>
{{end}}`

type post struct {
	Year int
	Slug string
}

func posts() []post {
	ps := make([]post, 100)
	for i := range ps {
		ps[i] = post{Year: 2000 + i%25, Slug: fmt.Sprintf("post-%d", i)}
	}
	return ps
}

// BenchmarkTemplate renders a page of 100 links with html/template: with
// urlFor (urlfor.FuncMap of the party's builder, seven apps of 10 routes),
// and with the floor's concatenation as the template function. Values go
// through urlfor.Pairs (an int year becomes a string) and html/template
// escapes the attribute either way.
func BenchmarkTemplate(b *testing.B) {
	ps := posts()
	want := `<a href="/blog/posts/2024/post-99">post-99</a>`
	f := party(b, 10)
	for _, c := range []struct {
		name  string
		text  string
		funcs template.FuncMap
	}{
		{"links=100/partyline/urlFor", page, urlfor.FuncMap(f.builder)},
		{"links=100/floor/PathEscape", floorPage, template.FuncMap{
			"postURL": func(y int, s string) string { return floor(strconv.Itoa(y), s) },
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			tpl := template.Must(template.New("page").Funcs(c.funcs).Parse(c.text))
			var out strings.Builder
			if err := tpl.Execute(&out, ps); err != nil {
				b.Fatal(err)
			}
			if got := out.String(); strings.Count(got, "<a href=") != len(ps) || !strings.Contains(got, want) {
				b.Fatalf("page has no %s, or not 100 links:\n%.300s", want, got)
			}
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				if err := tpl.Execute(io.Discard, ps); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b)
		})
	}
}
