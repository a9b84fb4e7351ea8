package urlfor_test

import (
	"errors"
	htmltemplate "html/template"
	"io"
	"slices"
	"strings"
	"testing"
	texttemplate "text/template"

	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// verifyParty is newShopBlog plus a blog route with a host, a query
// parameter and one the adapter could not translate.
func verifyParty(t *testing.T) *shopBlog {
	t.Helper()
	s := newShopBlog(t)
	page, err := urlfor.NewQueryParam("page", urlfor.Param("page").Matching("[0-9]+"))
	if err != nil {
		t.Fatal(err)
	}
	list := route("list", "/list")
	list.Query = []urlfor.QueryParam{page}
	hosted := route("hosted", "/h/{id}")
	hosted.Host, err = urlfor.NewHostTemplate("{sub}.example.com", []urlfor.Part{urlfor.Param("sub"), urlfor.Literal(".example.com")})
	if err != nil {
		t.Fatal(err)
	}
	s.blog.Add(list, hosted, urlfor.Route{Name: "broken", Pattern: "/b/{x:(}", Err: errors.New("partytest: cannot translate /b/{x:(}")},
		route("user", "/u/{name?}"))
	return s
}

// templateErrors unpacks VerifyX's joined error.
func templateErrors(t *testing.T, err error) []*urlfor.TemplateError {
	t.Helper()
	if err == nil {
		return nil
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v is not joined", err)
	}
	var out []*urlfor.TemplateError
	for _, e := range joined.Unwrap() {
		var te *urlfor.TemplateError
		if !errors.As(e, &te) {
			t.Fatalf("%v is not a *TemplateError", e)
		}
		out = append(out, te)
	}
	return out
}

const verifyPage = `{{define "page"}}<h1>{{urlFor "blog:post" "id" .ID}}</h1>
{{urlFor "blog:pots" "id" 1}}
{{if .OK}}{{urlFor "home"}}{{else}}{{urlFor "blog:post"}}{{end}}
{{range .Items}}<a href="{{urlFor "blog:archive" "slug" .}}">{{end}}
{{with .X}}{{urlFor "nope:x"}}{{end}}
{{template "row" urlFor "forum:nothing"}}
{{$u := urlFor "blog:list"}}{{printf "%s" (urlFor "blog:hosted" "id" 1)}}
{{urlFor .Computed "id" 1}} {{urlFor "blog:post" .Key 1}} {{urlFor "blog:broken"}}
{{(urlFor "blog:post" "id" "x").Len}} {{urlFor "blog:user"}} {{urlFor "cart" "x"}}
{{end}}{{define "row"}}{{range .}}{{else}}{{urlFor "thread" "idd" 1}}{{end}}{{end}}
{{block "side" .}}{{urlFor "shop:cart"}}{{end}}`

// want lists, in order, the endpoint name, the location and a piece of the
// message of every problem in verifyPage.
var verifyWant = []struct{ template, name, loc, msg string }{
	{"page", "blog:pots", "page.tmpl:2:", `did you mean "blog:post"`},
	{"page", "home", "page.tmpl:3:", "ambiguous"},
	{"page", "blog:post", "page.tmpl:3:", `missing parameter "id"`},
	{"page", "blog:archive", "page.tmpl:4:", `missing parameter "year"`},
	{"page", "nope:x", "page.tmpl:5:", "unknown endpoint"},
	{"page", "forum:nothing", "page.tmpl:6:", "unknown endpoint"},
	{"page", "blog:list", "page.tmpl:7:", `missing parameter "page"`},
	{"page", "blog:hosted", "page.tmpl:7:", `missing parameter "sub"`},
	{"page", "blog:broken", "page.tmpl:8:", "cannot translate"},
	{"page", "cart", "page.tmpl:9:", "odd number of arguments"},
	{"row", "thread", "page.tmpl:10:", `missing parameter "id"`},
	{"side", "shop:cart", "page.tmpl:11:", "unknown endpoint"},
}

func checkVerify(t *testing.T, err error) {
	t.Helper()
	got := templateErrors(t, err)
	if len(got) != len(verifyWant) {
		for _, te := range got {
			t.Log(te)
		}
		t.Fatalf("%d problems, want %d", len(got), len(verifyWant))
	}
	for i, w := range verifyWant {
		te := got[i]
		if te.Template != w.template || te.Name != w.name || !strings.HasPrefix(te.Location, w.loc) || !strings.Contains(te.Error(), w.msg) {
			t.Errorf("problem %d = %v (template %q, location %q); want %s %s at %s saying %q", i, te, te.Template, te.Location, w.template, w.name, w.loc, w.msg)
		}
		if !strings.HasPrefix(te.Error(), "urlfor: template "+w.template+": "+te.Location+": urlFor \""+w.name+"\": ") {
			t.Errorf("message %q", te)
		}
	}
	if !errors.Is(err, urlfor.ErrUnknownEndpoint) || !errors.Is(err, urlfor.ErrAmbiguous) || !errors.Is(err, urlfor.ErrMissingParam) {
		t.Error("the joined error does not match the sentinels of its parts")
	}
}

func TestVerifyText(t *testing.T) {
	s := verifyParty(t)
	tpl, err := texttemplate.New("page.tmpl").Funcs(texttemplate.FuncMap(urlfor.FuncMap(s.b))).Parse(verifyPage)
	if err != nil {
		t.Fatal(err)
	}
	checkVerify(t, urlfor.VerifyText(s.b, tpl))
	// Stable: the same report every time.
	first := urlfor.VerifyText(s.b, tpl).Error()
	for i := 0; i < 5; i++ {
		if again := urlfor.VerifyText(s.b, tpl).Error(); again != first {
			t.Fatalf("VerifyText changed its report:\n%s\n---\n%s", first, again)
		}
	}
}

func TestVerifyHTML(t *testing.T) {
	s := verifyParty(t)
	tpl, err := htmltemplate.New("page.tmpl").Funcs(urlfor.FuncMap(s.b)).Parse(verifyPage)
	if err != nil {
		t.Fatal(err)
	}
	checkVerify(t, urlfor.VerifyHTML(s.b, tpl))
	// After an execution html/template has rewritten the trees with its
	// escapers; the calls are still found.
	_ = tpl.ExecuteTemplate(io.Discard, "side", nil)
	checkVerify(t, urlfor.VerifyHTML(s.b, tpl))
}

func TestVerifyClean(t *testing.T) {
	s := verifyParty(t)
	const good = `{{urlFor "blog:post" "id" .ID}} {{urlFor "post" "id" 1 "page" 2}} {{urlFor "blog:user"}}
{{urlFor "blog:user" "name" "x"}} {{urlFor "cart"}} {{urlFor "blog:list" "page" 1}}
{{urlFor "blog:hosted" "sub" "eu" "id" 1}} {{urlFor .Name}} {{urlFor "blog:archive" .K .V "slug" "x"}}
{{"blog:home" | urlFor}} {{urlFor}}`
	h := htmltemplate.Must(htmltemplate.New("good").Funcs(urlfor.FuncMap(s.b)).Parse(good))
	if err := urlfor.VerifyHTML(s.b, h); err != nil {
		t.Errorf("VerifyHTML: %v", err)
	}
	tt := texttemplate.Must(texttemplate.New("good").Funcs(texttemplate.FuncMap(urlfor.FuncMap(s.b))).Parse(good))
	if err := urlfor.VerifyText(s.b, tt); err != nil {
		t.Errorf("VerifyText: %v", err)
	}
}

// Routes added after the invitation are known to Verify too.
func TestVerifySeesLateRoutes(t *testing.T) {
	s := newShopBlog(t)
	tpl := texttemplate.Must(texttemplate.New("t").Funcs(texttemplate.FuncMap(urlfor.FuncMap(s.b))).Parse(`{{urlFor "blog:late"}}`))
	if err := urlfor.VerifyText(s.b, tpl); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Fatalf("before: %v", err)
	}
	s.blog.Add(route("late", "/late"))
	if err := urlfor.VerifyText(s.b, tpl); err != nil {
		t.Errorf("after Add: %v", err)
	}
}

func TestVerifyWithoutParty(t *testing.T) {
	tpl := texttemplate.Must(texttemplate.New("t").Funcs(texttemplate.FuncMap(urlfor.FuncMap(urlfor.New(nil)))).Parse(`{{urlFor "x"}}`))
	if err := urlfor.VerifyText(urlfor.New(nil), tpl); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("VerifyText = %v", err)
	}
	h := htmltemplate.Must(htmltemplate.New("t").Funcs(urlfor.FuncMap(urlfor.New(nil))).Parse(`{{urlFor "x"}}`))
	if err := urlfor.VerifyHTML(urlfor.New(nil), h); !errors.Is(err, urlfor.ErrNotInvited) {
		t.Errorf("VerifyHTML = %v", err)
	}
	// A party nobody joined: every literal name is a problem.
	b := urlfor.New(newParty(t, mount{"/x", urlfortest.NewApp("x")}))
	if err := urlfor.VerifyText(b, tpl); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Errorf("VerifyText with an empty app = %v", err)
	}
	names := slices.Collect(func(yield func(string) bool) {
		for _, e := range b.Endpoints() {
			if !yield(e.Name) {
				return
			}
		}
	})
	if len(names) != 0 {
		t.Errorf("Endpoints() = %q", names)
	}
}
