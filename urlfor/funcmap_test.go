package urlfor_test

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	"testing"
	texttemplate "text/template"

	"github.com/partyline-go/partyline/urlfor"
)

func textTemplate(fm htmltemplate.FuncMap, text string) (*texttemplate.Template, error) {
	return texttemplate.New("t").Funcs(texttemplate.FuncMap(fm)).Parse(text)
}

func execText(t *texttemplate.Template, data any) (string, error) {
	var b strings.Builder
	err := t.Execute(&b, data)
	return b.String(), err
}

func execHTML(t *htmltemplate.Template, data any) (string, error) {
	var b strings.Builder
	err := t.Execute(&b, data)
	return b.String(), err
}

type slug string

func (s slug) String() string { return "slug-" + string(s) }

type named int // neither a basic type nor a Stringer

func TestFuncMapValueTypes(t *testing.T) {
	s := newShopBlog(t)
	fm := urlfor.FuncMap(s.b)
	tests := []struct {
		value any
		want  string
	}{
		{"7", "/blog/posts/7"},
		{"a b/c", "/blog/posts/a%20b%2Fc"},
		{7, "/blog/posts/7"},
		{int8(-8), "/blog/posts/-8"},
		{int16(16), "/blog/posts/16"},
		{int32(32), "/blog/posts/32"},
		{int64(-1 << 40), "/blog/posts/-1099511627776"},
		{uint(7), "/blog/posts/7"},
		{uint8(255), "/blog/posts/255"},
		{uint16(16), "/blog/posts/16"},
		{uint32(32), "/blog/posts/32"},
		{uint64(1 << 63), "/blog/posts/9223372036854775808"},
		{true, "/blog/posts/true"},
		{slug("x y"), "/blog/posts/slug-x%20y"},
	}
	tpl, err := textTemplate(fm, `{{urlFor "blog:post" "id" .}}`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		got, err := execText(tpl, tt.value)
		if err != nil || got != tt.want {
			t.Errorf("urlFor with %T %v = %q, %v; want %q", tt.value, tt.value, got, err, tt.want)
		}
	}
}

func TestFuncMapErrorsFailExecution(t *testing.T) {
	s := newShopBlog(t)
	fm := urlfor.FuncMap(s.b)
	tests := []struct {
		name, text string
		data       any
		is         error
		want       string
	}{
		{"float", `{{urlFor "blog:post" "id" .}}`, 1.5, urlfor.ErrBadCall, "float64"},
		{"named int", `{{urlFor "blog:post" "id" .}}`, named(3), urlfor.ErrBadCall, "urlfor_test.named"},
		{"nil", `{{urlFor "blog:post" "id" .}}`, nil, urlfor.ErrBadCall, "<nil>"},
		{"slice", `{{urlFor "blog:post" "id" .}}`, []string{"7"}, urlfor.ErrBadCall, "[]string"},
		{"key not a string", `{{urlFor "blog:post" 1 "7"}}`, nil, urlfor.ErrBadCall, "key #1 is int"},
		{"odd", `{{urlFor "blog:post" "id"}}`, nil, urlfor.ErrBadCall, "odd number of arguments"},
		{"unknown", `{{urlFor "blog:pots" "id" 1}}`, nil, urlfor.ErrUnknownEndpoint, `did you mean "blog:post"`},
		{"ambiguous", `{{urlFor "home"}}`, nil, urlfor.ErrAmbiguous, "blog:home"},
		{"missing", `{{urlFor "blog:post"}}`, nil, urlfor.ErrMissingParam, `"id"`},
		{"invalid", `{{urlFor "blog:post" "id" ".."}}`, nil, urlfor.ErrInvalidParam, "dot segment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := textTemplate(fm, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got, err := execText(tpl, tt.data)
			if err == nil {
				t.Fatalf("text/template: %q, want an error", got)
			}
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("text/template: %v; want %v saying %q", err, tt.is, tt.want)
			}
			var ee texttemplate.ExecError
			if !errors.As(err, &ee) {
				t.Errorf("%T is not a template ExecError", err)
			}
			htpl := htmltemplate.Must(htmltemplate.New("h").Funcs(fm).Parse(`<a href="` + tt.text + `">x</a>`))
			if _, err := execHTML(htpl, tt.data); !errors.Is(err, tt.is) {
				t.Errorf("html/template: %v; want %v", err, tt.is)
			}
		})
	}
}

// html/template escapes the URL for its context ("&" in an attribute);
// text/template writes it as it is.
func TestFuncMapInHTMLAndText(t *testing.T) {
	s := newShopBlog(t)
	fm := urlfor.FuncMap(s.b)
	const text = `<a href="{{urlFor "blog:post" "id" .ID "q" .Q "page" 2}}">{{urlFor "blog:post" "id" .ID "q" .Q}}</a>`
	data := struct {
		ID int
		Q  string
	}{7, `a&b "c" <d>`}
	h := htmltemplate.Must(htmltemplate.New("h").Funcs(fm).Parse(text))
	got, err := execHTML(h, data)
	want := `<a href="/blog/posts/7?page=2&amp;q=a%26b&#43;%22c%22&#43;%3Cd%3E">/blog/posts/7?q=a%26b&#43;%22c%22&#43;%3Cd%3E</a>`
	if err != nil || got != want {
		t.Errorf("html/template:\n got %q, %v\nwant %q", got, err, want)
	}
	tt, err := textTemplate(fm, text)
	if err != nil {
		t.Fatal(err)
	}
	got, err = execText(tt, data)
	want = `<a href="/blog/posts/7?page=2&q=a%26b+%22c%22+%3Cd%3E">/blog/posts/7?q=a%26b+%22c%22+%3Cd%3E</a>`
	if err != nil || got != want {
		t.Errorf("text/template:\n got %q, %v\nwant %q", got, err, want)
	}
}

// The participant's FuncMap is local-first.
func TestParticipantFuncMap(t *testing.T) {
	s := newShopBlog(t)
	tpl, err := textTemplate(s.blogP.FuncMap(), `{{urlFor "home"}} {{urlFor "forum:home"}} {{urlFor "cart"}}`)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := execText(tpl, nil); err != nil || got != "/blog/ /forum/ /cart" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestPairs(t *testing.T) {
	got, err := urlfor.Pairs("id", 7, "slug", slug("x"), "ok", false, "n", uint8(3), "s", "v")
	want := []string{"id", "7", "slug", "slug-x", "ok", "false", "n", "3", "s", "v"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Pairs = %q, %v", got, err)
	}
	if got, err := urlfor.Pairs(); err != nil || len(got) != 0 {
		t.Errorf("Pairs() = %q, %v", got, err)
	}
	for _, args := range [][]any{
		{"id"},
		{"id", 1, "x"},
		{1, "x"},
		{slug("k"), "x"},
		{"id", 1.0},
		{"id", nil},
		{"id", []byte("x")},
		{"id", named(1)},
	} {
		if got, err := urlfor.Pairs(args...); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Pairs(%#v) = %q, %v; want ErrBadCall", args, got, err)
		}
	}
	_, err = urlfor.Pairs("id", 1.5)
	if !strings.Contains(fmt.Sprint(err), `value of "id" is float64`) {
		t.Errorf("message %q", err)
	}
}
