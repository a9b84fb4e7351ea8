package urlfor_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// A parameter is escaped as one path segment (RFC 3986 §3.3), exactly as
// url.PathEscape does: "/", "?", "#", "%", space, controls and non-ASCII are
// percent-encoded; unreserved characters and "$&+:=@" stay raw.
func TestParamIsEscapedAsOneSegment(t *testing.T) {
	tpl := mustTemplate(t, "/posts/{id}")
	tests := []struct{ value, want string }{
		{"7", "/posts/7"},
		{"hello-world_1.2~x", "/posts/hello-world_1.2~x"},
		{"a/b", "/posts/a%2Fb"},
		{"a?b", "/posts/a%3Fb"},
		{"a#b", "/posts/a%23b"},
		{"100%", "/posts/100%25"},
		{"%2F", "/posts/%252F"},
		{"a b", "/posts/a%20b"},
		{"a+b", "/posts/a+b"},
		{"$&+:=@", "/posts/$&+:=@"},
		{"!'()*", "/posts/%21%27%28%29%2A"},
		// Kept raw as net/url keeps them, so no RawPath (see the package doc).
		{",;", "/posts/,;"},
		{"Smith, John", "/posts/Smith,%20John"},
		{`"<>\^` + "`{|}", "/posts/%22%3C%3E%5C%5E%60%7B%7C%7D"},
		{"\t\n\r\x01\x1f\x7f", "/posts/%09%0A%0D%01%1F%7F"},
		{"café", "/posts/caf%C3%A9"},
		{"日本", "/posts/%E6%97%A5%E6%9C%AC"},
		{"🎉", "/posts/%F0%9F%8E%89"},
		{".a", "/posts/.a"},
		{"a.", "/posts/a."},
		{"...", "/posts/..."},
		{"~", "/posts/~"},
		// Values that look like placeholders are data (Starlette #3478).
		{"{id}", "/posts/%7Bid%7D"},
		{":id", "/posts/:id"},
		{"*", "/posts/%2A"},
		{"*path", "/posts/%2Apath"},
		{"{rest...}", "/posts/%7Brest...%7D"},
		{"<int:id>", "/posts/%3Cint:id%3E"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.value), func(t *testing.T) {
			got, err := tpl.Build("id", tt.value)
			if err != nil || got != tt.want {
				t.Errorf("Build(id=%q) = %q, %v; want %q", tt.value, got, err, tt.want)
			}
		})
	}
}

// A placeholder-looking value is never expanded, even when the template has
// a parameter of that name.
func TestPlaceholderValuesAreNotReexpanded(t *testing.T) {
	tpl := mustTemplate(t, "/{a}/{b}")
	for _, v := range []string{"{b}", ":b", "*b", "{b:[0-9]+}"} {
		got, err := tpl.Build("a", v, "b", "B")
		if err != nil {
			t.Fatalf("Build(a=%q): %v", v, err)
		}
		if want := "/" + url.PathEscape(v) + "/B"; got != want {
			t.Errorf("Build(a=%q) = %q: the value was expanded", v, got)
		}
	}
}

func TestParamRefusals(t *testing.T) {
	tests := []struct {
		name     string
		tpl      *urlfor.Template
		pairs    []string
		param    string
		sentinel error
		reason   string // a substring of the message
	}{
		{"missing", mustTemplate(t, "/posts/{id}"), nil, "id", urlfor.ErrMissingParam, `missing parameter "id"`},
		{"missing other key", mustTemplate(t, "/posts/{id}"), []string{"ID", "7"}, "id", urlfor.ErrMissingParam, "/posts/{id}"},
		{"empty", mustTemplate(t, "/posts/{id}"), []string{"id", ""}, "id", urlfor.ErrInvalidParam, "is empty"},
		{"dot", mustTemplate(t, "/posts/{id}"), []string{"id", "."}, "id", urlfor.ErrInvalidParam, "dot segment"},
		{"dot dot", mustTemplate(t, "/posts/{id}"), []string{"id", ".."}, "id", urlfor.ErrInvalidParam, "dot segment"},
		{"invalid UTF-8", mustTemplate(t, "/posts/{id}"), []string{"id", "a\xffb"}, "id", urlfor.ErrInvalidParam, "UTF-8"},
		{"truncated UTF-8", mustTemplate(t, "/posts/{id}"), []string{"id", "caf\xc3"}, "id", urlfor.ErrInvalidParam, "UTF-8"},
		{"NUL", mustTemplate(t, "/posts/{id}"), []string{"id", "a\x00b"}, "id", urlfor.ErrInvalidParam, "NUL"},
		{"NUL after non-ASCII", mustTemplate(t, "/posts/{id}"), []string{"id", "é\x00"}, "id", urlfor.ErrInvalidParam, "NUL"},
		{"second param", mustTemplate(t, "/{year}/{slug}"), []string{"year", "2024", "slug", ".."}, "slug", urlfor.ErrInvalidParam, "dot segment"},
		{"wildcard dot", mustTemplate(t, "/files/{*path}"), []string{"path", "a/./b"}, "path", urlfor.ErrInvalidParam, "dot segment"},
		{"wildcard dot dot", mustTemplate(t, "/files/{*path}"), []string{"path", "../etc/passwd"}, "path", urlfor.ErrInvalidParam, "dot segment"},
		{"wildcard ends in dot dot", mustTemplate(t, "/files/{*path}"), []string{"path", "a/.."}, "path", urlfor.ErrInvalidParam, "dot segment"},
		{"wildcard only dot", mustTemplate(t, "/files/{*path}"), []string{"path", "."}, "path", urlfor.ErrInvalidParam, "dot segment"},
		{"wildcard empty segment", mustTemplate(t, "/files/{*path}"), []string{"path", "a//b"}, "path", urlfor.ErrInvalidParam, "empty segment"},
		{"wildcard leading slash", mustTemplate(t, "/files/{*path}"), []string{"path", "/a"}, "path", urlfor.ErrInvalidParam, `starts with "/"`},
		{"wildcard trailing slash", mustTemplate(t, "/files/{*path}"), []string{"path", "a/"}, "path", urlfor.ErrInvalidParam, `ends with "/"`},
		{"wildcard invalid UTF-8", mustTemplate(t, "/files/{*path}"), []string{"path", "a/\xff"}, "path", urlfor.ErrInvalidParam, "UTF-8"},
		{"wildcard NUL", mustTemplate(t, "/files/{*path}"), []string{"path", "a/\x00"}, "path", urlfor.ErrInvalidParam, "NUL"},
		// "/" + a wildcard "/x" would give "//x", a scheme-relative URL
		// (Django CVE-2018-14574): refused, and the message says why.
		{"root wildcard //", mustTemplate(t, "/{*path}"), []string{"path", "/evil.example/x"}, "path", urlfor.ErrInvalidParam, `starts with "/", which would put "//" in the path (routers clean or redirect it; at the root it reads as another host)`},
		{"root slash-prefixed wildcard //", rootSlashed(t), []string{"path", "//evil.example/x"}, "path", urlfor.ErrInvalidParam, `starts with "/"`},
		{"wildcard inner //", mustTemplate(t, "/files/{*path}"), []string{"path", "a//b"}, "path", urlfor.ErrInvalidParam, "empty segment"},
		{"unroutable", mustTemplate(t, "/posts/{id}", urlfor.Unroutable("/")), []string{"id", "a/b"}, "id", urlfor.ErrInvalidParam, "cannot route back"},
		{"stop byte", mustTemplate(t, "/{name}.json"), []string{"name", "a.b"}, "name", urlfor.ErrInvalidParam, `contains '.'`},
		{"stop byte mid-segment", mustTemplate(t, "/v{major}-{minor}"), []string{"major", "1-2", "minor", "3"}, "major", urlfor.ErrInvalidParam, `contains '-'`},
		{"constraint", mustTemplate(t, "/posts/{id:[0-9]+}"), []string{"id", "12a"}, "id", urlfor.ErrInvalidParam, `does not match the constraint "[0-9]+"`},
		{"constraint is anchored", mustTemplate(t, "/posts/{id:[0-9]+}"), []string{"id", "a1b"}, "id", urlfor.ErrInvalidParam, "constraint"},
		{"constraint alternation is anchored", mustTemplate(t, "/{lang:en|fr}"), []string{"lang", "end"}, "lang", urlfor.ErrInvalidParam, "constraint"},
		{"wildcard constraint", mustTemplate(t, "/files/{*path:[a-z/]+}"), []string{"path", "a/B"}, "path", urlfor.ErrInvalidParam, "constraint"},
		{"optional empty", mustTemplate(t, "/user/{name?}"), []string{"name", ""}, "name", urlfor.ErrInvalidParam, "is empty"},
		{"optional dot dot", mustTemplate(t, "/user/{name?}"), []string{"name", ".."}, "name", urlfor.ErrInvalidParam, "dot segment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.tpl.Build(tt.pairs...)
			if err == nil {
				t.Fatalf("Build(%q) = %q, want an error", tt.pairs, got)
			}
			pe := wantParamError(t, err, tt.param, tt.sentinel)
			if pe.Pattern != tt.tpl.Pattern() {
				t.Errorf("ParamError.Pattern = %q, want %q", pe.Pattern, tt.tpl.Pattern())
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("message %q does not say %q", err, tt.reason)
			}
			other := urlfor.ErrInvalidParam
			if tt.sentinel == urlfor.ErrInvalidParam {
				other = urlfor.ErrMissingParam
			}
			if errors.Is(err, other) {
				t.Errorf("%v also matches %v", err, other)
			}
		})
	}
}

func rootSlashed(t *testing.T) *urlfor.Template {
	tpl, err := urlfor.NewTemplate("/*path", []urlfor.Part{urlfor.Literal("/"), urlfor.Wildcard("path").SlashPrefixed()})
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// A constraint refusal names the parameter, the value and the pattern
// (Django, Symfony strict requirements).
func TestConstraintMessageNamesParamValueAndPattern(t *testing.T) {
	tpl := mustTemplate(t, "/posts/{id:[0-9]+}")
	_, err := tpl.Build("id", "seven")
	pe := wantParamError(t, err, "id", urlfor.ErrInvalidParam)
	if pe.Value != "seven" {
		t.Errorf("Value = %q", pe.Value)
	}
	for _, s := range []string{`"id"`, `"seven"`, `[0-9]+`, `"/posts/{id:[0-9]+}"`} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("message %q does not contain %s", err, s)
		}
	}
	if got, err := tpl.Build("id", "42"); err != nil || got != "/posts/42" {
		t.Errorf("Build(id=42) = %q, %v", got, err)
	}
}

// A wildcard keeps "/" between its segments and escapes each one.
func TestWildcard(t *testing.T) {
	tpl := mustTemplate(t, "/files/{*path}")
	tests := []struct{ value, want string }{
		{"", "/files/"},
		{"a", "/files/a"},
		{"a/b/c.txt", "/files/a/b/c.txt"},
		{"a b/c?d/e#f/100%", "/files/a%20b/c%3Fd/e%23f/100%25"},
		{"docs/café/日本", "/files/docs/caf%C3%A9/%E6%97%A5%E6%9C%AC"},
		{"{id}/:id/*", "/files/%7Bid%7D/:id/%2A"},
		{".a/..b/c.", "/files/.a/..b/c."},
	}
	for _, tt := range tests {
		got, err := tpl.Build("path", tt.value)
		if err != nil || got != tt.want {
			t.Errorf("Build(path=%q) = %q, %v; want %q", tt.value, got, err, tt.want)
		}
	}
}

// SlashPrefixed: gin hands "*path" values with a leading "/"; such a value
// loses it in the URL, so that it round-trips; a value without one works too.
func TestSlashPrefixedWildcard(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/files/*path", []urlfor.Part{urlfor.Literal("/files/"), urlfor.Wildcard("path").SlashPrefixed()})
	if err != nil {
		t.Fatal(err)
	}
	for value, want := range map[string]string{
		"/a/b": "/files/a/b",
		"a/b":  "/files/a/b",
		"/":    "/files/",
		"":     "/files/",
	} {
		got, err := tpl.Build("path", value)
		if err != nil || got != want {
			t.Errorf("Build(path=%q) = %q, %v; want %q", value, got, err, want)
		}
	}
	for _, value := range []string{"//a", "/a//b", "/./a", "/a/.."} {
		if got, err := tpl.Build("path", value); err == nil {
			t.Errorf("Build(path=%q) = %q, want an error", value, got)
		}
	}
}

// No URL we build starts with "//" (a scheme-relative URL, an open redirect:
// Django CVE-2018-14574) when it is built without a mount prefix.
func TestNoLeadingDoubleSlash(t *testing.T) {
	t.Run("param after root", func(t *testing.T) {
		got, err := mustTemplate(t, "/{a}").Build("a", "/evil.example")
		if err != nil || got != "/%2Fevil.example" {
			t.Errorf(`Build(a="/evil.example") = %q, %v; want "/%%2Fevil.example"`, got, err)
		}
	})
	t.Run("literal //", func(t *testing.T) {
		tpl, err := urlfor.NewTemplate("//x", []urlfor.Part{urlfor.Literal("//x")})
		if err != nil {
			t.Skipf("NewTemplate refuses it up front: %v", err)
		}
		got, err := tpl.Build()
		if err == nil {
			t.Fatalf("Build() = %q, want an error", got)
		}
		if !strings.Contains(err.Error(), "//") {
			t.Errorf("message %q does not explain the //", err)
		}
	})
	t.Run("literal // then a param", func(t *testing.T) {
		tpl, err := urlfor.NewTemplate("//{a}", []urlfor.Part{urlfor.Literal("//"), urlfor.Param("a")})
		if err != nil {
			t.Skipf("NewTemplate refuses it up front: %v", err)
		}
		if got, err := tpl.Build("a", "x"); err == nil {
			t.Fatalf("Build() = %q, want an error", got)
		}
	})
	t.Run("literal // is fine under a prefix", func(t *testing.T) {
		tpl, err := urlfor.NewTemplate("//x", []urlfor.Part{urlfor.Literal("//x")})
		if err != nil {
			t.Skipf("NewTemplate refuses it up front: %v", err)
		}
		r := urlfor.Route{Name: "x", Pattern: "//x", Path: tpl}
		got, err := r.Build("/blog", &urlfor.Request{})
		if err != nil || got != "/blog//x" {
			t.Errorf("Build under /blog = %q, %v", got, err)
		}
	})
	t.Run("optional left out after root", func(t *testing.T) {
		// "/" + an absent optional + "/edit" is "/edit", never "//edit".
		got, err := mustTemplate(t, "/{name?}/edit").Build()
		if err != nil || got != "/edit" {
			t.Errorf("Build() = %q, %v; want /edit", got, err)
		}
	})
}

func TestUnroutable(t *testing.T) {
	tpl := mustTemplate(t, "/posts/{id}", urlfor.Unroutable("/"))
	if got, err := tpl.Build("id", "a%2Fb"); err != nil || got != "/posts/a%252Fb" {
		t.Errorf(`Build(id="a%%2Fb") = %q, %v`, got, err)
	}
	_, err := tpl.Build("id", "a/b")
	wantParamError(t, err, "id", urlfor.ErrInvalidParam)
	if !strings.Contains(err.Error(), `"/"`) {
		t.Errorf("message %q does not name the byte", err)
	}
	// Without Unroutable, "/" is escaped (echo and chi deliver %2F raw).
	if got, err := mustTemplate(t, "/posts/{id}").Build("id", "a/b"); err != nil || got != "/posts/a%2Fb" {
		t.Errorf(`Build(id="a/b") = %q, %v`, got, err)
	}
	// A wildcard keeps "/" whatever Unroutable says.
	if got, err := mustTemplate(t, "/files/{*p}", urlfor.Unroutable("/")).Build("p", "a/b"); err != nil || got != "/files/a/b" {
		t.Errorf(`wildcard Build(p="a/b") = %q, %v`, got, err)
	}
}

// The stop byte rule: in chi and fiber, "{name}.json" ends the parameter at
// the first "."; gorilla/mux backtracks.
func TestStopByte(t *testing.T) {
	plain := mustTemplate(t, "/{name}.json")
	if got, err := plain.Build("name", "report"); err != nil || got != "/report.json" {
		t.Errorf("Build(name=report) = %q, %v", got, err)
	}
	if _, err := plain.Build("name", "a.b"); err == nil {
		t.Error("Build(name=a.b) succeeded without Backtracking")
	}
	back := mustTemplate(t, "/{name}.json", urlfor.Backtracking())
	if got, err := back.Build("name", "a.b"); err != nil || got != "/a.b.json" {
		t.Errorf("Backtracking Build(name=a.b) = %q, %v", got, err)
	}
	// A "/" after the parameter is no stop byte: it is escaped anyway.
	if got, err := mustTemplate(t, "/{name}/x").Build("name", "a.b"); err != nil || got != "/a.b/x" {
		t.Errorf("Build(name=a.b) before /x = %q, %v", got, err)
	}
}

func TestOptionalParam(t *testing.T) {
	tests := []struct {
		pattern string
		pairs   []string
		want    string
	}{
		{"/user/{name?}", nil, "/user"},
		{"/user/{name?}", []string{"name", "bob"}, "/user/bob"},
		{"/user/{name?}/edit", nil, "/user/edit"},
		{"/user/{name?}/edit", []string{"name", "bob"}, "/user/bob/edit"},
		{"/{name?}", nil, "/"},
		{"/{name?}", []string{"name", "bob"}, "/bob"},
		{"/{name?}/edit", nil, "/edit"},
		{"/{a?}/{b?}", nil, "/"},
		{"/{a?}/{b?}", []string{"b", "y"}, "/y"},
		{"/{a?}/{b?}", []string{"a", "x"}, "/x"},
		{"/{a?}/{b?}/x", nil, "/x"},
		{"/user/{name?}.json", nil, "/user/.json"},
		{"/files/{*path?}", nil, "/files"},
		{"/files/{*path?}", []string{"path", "a/b"}, "/files/a/b"},
	}
	for _, tt := range tests {
		got, err := mustTemplate(t, tt.pattern).Build(tt.pairs...)
		if err != nil || got != tt.want {
			t.Errorf("%s Build(%q) = %q, %v; want %q", tt.pattern, tt.pairs, got, err, tt.want)
		}
	}
}

// Under a mount prefix an optional parameter left out still leaves the
// template's own "/": "/blog" + "/:name?" is "/blog/", like "/blog" + "/".
func TestOptionalParamUnderPrefix(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"/{name?}", "/blog/"},
		{"/", "/blog/"},
		{"/user/{name?}", "/blog/user"},
		{"/{name?}/edit", "/blog/edit"},
	}
	for _, tt := range tests {
		r := route("r", tt.pattern)
		got, err := r.Build("/blog", &urlfor.Request{})
		if err != nil || got != tt.want {
			t.Errorf("%s under /blog = %q, %v; want %q", tt.pattern, got, err, tt.want)
		}
	}
}

func TestTemplateBuildStrict(t *testing.T) {
	tpl := mustTemplate(t, "/posts/{id}")
	tests := []struct {
		name  string
		pairs []string
		want  string
	}{
		{"unknown key", []string{"id", "7", "page", "2"}, `no parameter "page"`},
		{"odd pairs", []string{"id"}, "odd number of pairs"},
		{"given twice", []string{"id", "7", "id", "8"}, `"id" given twice`},
	}
	for _, tt := range tests {
		got, err := tpl.Build(tt.pairs...)
		if !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(fmt.Sprint(err), tt.want) {
			t.Errorf("%s: Build(%q) = %q, %v; want ErrBadCall saying %s", tt.name, tt.pairs, got, err, tt.want)
		}
	}
	many := make([]string, 0, 2*65)
	for i := 0; i < 65; i++ {
		many = append(many, fmt.Sprint("k", i), "v")
	}
	if _, err := tpl.Build(many...); !errors.Is(err, urlfor.ErrBadCall) {
		t.Errorf("65 pairs: %v, want ErrBadCall", err)
	}
}

func TestTemplateAccessors(t *testing.T) {
	tpl := mustTemplate(t, "/{year}/{slug}.html/{*rest}")
	if got := tpl.Pattern(); got != "/{year}/{slug}.html/{*rest}" {
		t.Errorf("Pattern() = %q", got)
	}
	if got := fmt.Sprint(tpl.Params()); got != "[year slug rest]" {
		t.Errorf("Params() = %s", got)
	}
	if got, err := tpl.Build("year", "2024", "slug", "hi", "rest", "a/b"); err != nil || got != "/2024/hi.html/a/b" {
		t.Errorf("Build = %q, %v", got, err)
	}
}

// Templates of more than eight parts and builds of more than eight query
// pairs take the slow paths of the builder; they must build the same way.
func TestLongTemplatesAndManyPairs(t *testing.T) {
	tpl := mustTemplate(t, "/{a}/{b}/{c}/{d}/{e}/{f}/{g}")
	got, err := tpl.Build("g", "7", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6")
	if err != nil || got != "/1/2/3/4/5/6/7" {
		t.Errorf("Build = %q, %v", got, err)
	}
	r := route("r", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}")
	pairs := []string{"a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6", "g", "7"}
	for i := 12; i > 0; i-- {
		pairs = append(pairs, fmt.Sprintf("k%02d", i), fmt.Sprint(i))
	}
	pairs = append(pairs, "k01", "again")
	got, err = r.Build("/p", &urlfor.Request{Pairs: pairs})
	want := "/p/1/2/3/4/5/6/7?k01=1&k01=again&k02=2&k03=3&k04=4&k05=5&k06=6&k07=7&k08=8&k09=9&k10=10&k11=11&k12=12"
	if err != nil || got != want {
		t.Errorf("Build =\n %q, %v; want\n %q", got, err, want)
	}
}

func TestNewTemplateErrors(t *testing.T) {
	tests := []struct {
		name  string
		parts []urlfor.Part
		opts  []urlfor.TemplateOption
		want  string
	}{
		{"no parts", nil, nil, "start with literal text"},
		{"no leading slash", []urlfor.Part{urlfor.Literal("posts/"), urlfor.Param("id")}, nil, "start with literal text"},
		{"param first", []urlfor.Part{urlfor.Param("id")}, nil, "start with literal text"},
		{"empty literal first", []urlfor.Part{urlfor.Literal(""), urlfor.Literal("/x")}, nil, "start with literal text"},
		{"wildcard not last", []urlfor.Part{urlfor.Literal("/"), urlfor.Wildcard("p"), urlfor.Literal("/x")}, nil, `wildcard "p" is not last`},
		{"duplicate param", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("id"), urlfor.Literal("/"), urlfor.Param("id")}, nil, `"id" appears twice`},
		{"duplicate param and wildcard", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("id"), urlfor.Literal("/"), urlfor.Wildcard("id")}, nil, `"id" appears twice`},
		{"adjacent params", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("a"), urlfor.Param("b")}, nil, `"a" and "b" have no literal text between them`},
		{"adjacent across empty literal", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("a"), urlfor.Literal(""), urlfor.Param("b")}, nil, "no literal text between"},
		{"param then wildcard", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("a"), urlfor.Wildcard("b")}, nil, "no literal text between"},
		{"bad regexp", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("id").Matching("[0-9")}, nil, `constraint of "id"`},
		{"empty name", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("")}, nil, "no name"},
		{"empty wildcard name", []urlfor.Part{urlfor.Literal("/"), urlfor.Wildcard("")}, nil, "no name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := urlfor.NewTemplate("PATTERN", tt.parts, tt.opts...)
			if err == nil {
				t.Fatalf("NewTemplate = %v, want an error", tpl)
			}
			if !errors.Is(err, urlfor.ErrInvalidTemplate) {
				t.Errorf("error %v is not ErrInvalidTemplate", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || !strings.Contains(msg, `"PATTERN"`) || !strings.HasPrefix(msg, "urlfor: ") {
				t.Errorf("message %q: want the pattern and %q", msg, tt.want)
			}
		})
	}
}

func TestNewTemplateMergesLiterals(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/a/b/{id}", []urlfor.Part{urlfor.Literal("/a"), urlfor.Literal(""), urlfor.Literal("/b/"), urlfor.Param("id")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := tpl.Build("id", "1"); err != nil || got != "/a/b/1" {
		t.Errorf("Build = %q, %v", got, err)
	}
}

func hostTemplate(t *testing.T) *urlfor.Template {
	t.Helper()
	h, err := urlfor.NewHostTemplate("{sub}.example.com", []urlfor.Part{urlfor.Param("sub"), urlfor.Literal(".example.com")})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Host templates (gorilla/mux's Host) take host labels and make the URL
// absolute, with the route's scheme.
func TestHostTemplate(t *testing.T) {
	r := route("shop", "/shop/{id}")
	r.Host = hostTemplate(t)
	r.Scheme = "https"
	got, err := r.Build("", &urlfor.Request{Pairs: []string{"sub", "eu", "id", "7", "q", "x"}})
	if err != nil || got != "https://eu.example.com/shop/7?q=x" {
		t.Errorf("Build = %q, %v", got, err)
	}
	got, err = r.Build("/blog", &urlfor.Request{Pairs: []string{"sub", "xn--bcher-kva", "id", "7"}, Fragment: "top"})
	if err != nil || got != "https://xn--bcher-kva.example.com/blog/shop/7#top" {
		t.Errorf("Build under /blog = %q, %v", got, err)
	}
	// The route's host wins over a request origin; its scheme too.
	got, err = r.Build("", &urlfor.Request{Pairs: []string{"sub", "eu", "id", "7"}, Origin: urlfor.Origin{Scheme: "http", Host: "other.example"}})
	if err != nil || got != "https://eu.example.com/shop/7" {
		t.Errorf("Build with an Origin = %q, %v", got, err)
	}
	// Without Route.Scheme: the origin's scheme, else http.
	r.Scheme = ""
	got, err = r.Build("", &urlfor.Request{Pairs: []string{"sub", "eu", "id", "7"}})
	if err != nil || got != "http://eu.example.com/shop/7" {
		t.Errorf("Build without a scheme = %q, %v", got, err)
	}
	got, err = r.Build("", &urlfor.Request{Pairs: []string{"sub", "eu", "id", "7"}, Origin: urlfor.Origin{Scheme: "https"}})
	if err != nil || got != "https://eu.example.com/shop/7" {
		t.Errorf("Build with the origin's scheme = %q, %v", got, err)
	}

	for _, bad := range []string{"", "a.b", "-a", "a-", "a_b", "a b", "é", "a/b", "a:80", "{sub}"} {
		_, err := r.Build("", &urlfor.Request{Pairs: []string{"sub", bad, "id", "7"}})
		wantParamError(t, err, "sub", urlfor.ErrInvalidParam)
	}
	_, err = r.Build("", &urlfor.Request{Pairs: []string{"id", "7"}})
	wantParamError(t, err, "sub", urlfor.ErrMissingParam)
}

// Host parameters and optional path parameters do not mix up.
func TestHostTemplateWithOptionalPathParam(t *testing.T) {
	h, err := urlfor.NewHostTemplate("www.{region}.example.com", []urlfor.Part{urlfor.Literal("www."), urlfor.Param("region"), urlfor.Literal(".example.com")})
	if err != nil {
		t.Fatal(err)
	}
	r := route("home", "/{lang?}")
	r.Host = h
	got, err := r.Build("", &urlfor.Request{Pairs: []string{"region", "eu"}})
	if err != nil || got != "http://www.eu.example.com/" {
		t.Errorf("Build = %q, %v; want http://www.eu.example.com/", got, err)
	}
}

func TestHostTemplateConstraint(t *testing.T) {
	h, err := urlfor.NewHostTemplate("{sub:[a-z]+}.example.com", []urlfor.Part{urlfor.Param("sub").Matching("[a-z]+"), urlfor.Literal(".example.com")})
	if err != nil {
		t.Fatal(err)
	}
	r := route("home", "/")
	r.Host = h
	if _, err := r.Build("", &urlfor.Request{Pairs: []string{"sub", "eu1"}}); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("Build(sub=eu1) = %v, want ErrInvalidParam", err)
	}
}

func TestNewHostTemplateErrors(t *testing.T) {
	for name, parts := range map[string][]urlfor.Part{
		"empty":      nil,
		"wildcard":   {urlfor.Wildcard("x"), urlfor.Literal(".example.com")},
		"optional":   {urlfor.Param("x").Optional(), urlfor.Literal(".example.com")},
		"adjacent":   {urlfor.Param("a"), urlfor.Param("b")},
		"duplicate":  {urlfor.Param("a"), urlfor.Literal("."), urlfor.Param("a")},
		"bad regexp": {urlfor.Param("a").Matching("("), urlfor.Literal(".x")},
	} {
		if _, err := urlfor.NewHostTemplate("HOST", parts); !errors.Is(err, urlfor.ErrInvalidTemplate) {
			t.Errorf("%s: NewHostTemplate error %v, want ErrInvalidTemplate", name, err)
		}
	}
}

// QueryParam (gorilla/mux Queries): a literal or a parameter, required, and
// placed first in the query, before the sorted extra pairs.
func TestQueryParam(t *testing.T) {
	page, err := urlfor.NewQueryParam("page", urlfor.Param("page").Matching("[0-9]+"))
	if err != nil {
		t.Fatal(err)
	}
	format, err := urlfor.NewQueryParam("format", urlfor.Literal("json"))
	if err != nil {
		t.Fatal(err)
	}
	r := route("list", "/list")
	r.Query = []urlfor.QueryParam{page, format}
	got, err := r.Build("", &urlfor.Request{Pairs: []string{"a", "1", "page", "2"}})
	if err != nil || got != "/list?page=2&format=json&a=1" {
		t.Errorf("Build = %q, %v", got, err)
	}
	_, err = r.Build("", &urlfor.Request{Pairs: []string{"a", "1"}})
	wantParamError(t, err, "page", urlfor.ErrMissingParam)
	_, err = r.Build("", &urlfor.Request{Pairs: []string{"page", "two"}})
	pe := wantParamError(t, err, "page", urlfor.ErrInvalidParam)
	if !strings.Contains(pe.Error(), "[0-9]+") {
		t.Errorf("message %q does not name the constraint", pe)
	}
	_, err = r.Build("", &urlfor.Request{Pairs: []string{"page", "\xff"}})
	wantParamError(t, err, "page", urlfor.ErrInvalidParam)

	// A query parameter's value is escaped for a query.
	q, err := urlfor.NewQueryParam("q", urlfor.Param("q"))
	if err != nil {
		t.Fatal(err)
	}
	r = route("search", "/search")
	r.Query = []urlfor.QueryParam{q}
	got, err = r.Build("", &urlfor.Request{Pairs: []string{"q", "red shoes&x=1"}})
	if err != nil || got != "/search?q=red+shoes%26x%3D1" {
		t.Errorf("Build = %q, %v", got, err)
	}
}

func TestNewQueryParamErrors(t *testing.T) {
	if _, err := urlfor.NewQueryParam("", urlfor.Literal("x")); !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("empty key: %v", err)
	}
	if _, err := urlfor.NewQueryParam("k", urlfor.Wildcard("x")); !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("wildcard: %v", err)
	}
	if _, err := urlfor.NewQueryParam("k", urlfor.Param("x").Matching("[")); !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("bad regexp: %v", err)
	}
}

// A fragment is escaped per RFC 3986 §3.5 ("/" and "?" stay raw), and
// refused when it is not valid text.
func TestFragment(t *testing.T) {
	r := route("post", "/posts/{id}")
	tests := []struct{ fragment, want string }{
		{"top", "/posts/7#top"},
		{"sec 2", "/posts/7#sec%202"},
		{"a#b", "/posts/7#a%23b"},
		{"/path?x=1&y", "/posts/7#/path?x=1&y"},
		{"100%", "/posts/7#100%25"},
		{"café", "/posts/7#caf%C3%A9"},
		{"<script>", "/posts/7#%3Cscript%3E"},
	}
	for _, tt := range tests {
		got, err := r.Build("", &urlfor.Request{Pairs: []string{"id", "7"}, Fragment: tt.fragment})
		if err != nil || got != tt.want {
			t.Errorf("Fragment %q: %q, %v; want %q", tt.fragment, got, err, tt.want)
		}
	}
	for _, bad := range []string{"\xff", "a\x00"} {
		if _, err := r.Build("", &urlfor.Request{Pairs: []string{"id", "7"}, Fragment: bad}); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Fragment %q: %v, want ErrBadCall", bad, err)
		}
	}
}

func TestRouteErrAndNoPath(t *testing.T) {
	why := errors.New("partyecho: pattern /x/:a:b cannot be translated")
	r := urlfor.Route{Name: "x", Pattern: "/x/:a:b", Err: why}
	if _, err := r.Build("", &urlfor.Request{}); err != why {
		t.Errorf("Build = %v, want Route.Err", err)
	}
	r = urlfor.Route{Name: "x", Pattern: "/x"}
	if _, err := r.Build("", &urlfor.Request{}); !errors.Is(err, urlfor.ErrInvalidTemplate) {
		t.Errorf("Build without a Path = %v, want ErrInvalidTemplate", err)
	}
}

// A Request's Origin may be made by hand; a scheme or a host that no
// origin can have is refused, never spliced into the URL.
func TestRequestOriginIsChecked(t *testing.T) {
	r := route("post", "/posts/{id}")
	for _, o := range []urlfor.Origin{
		{Scheme: "javascript", Host: "x"},
		{Scheme: "https", Host: "evil.example/x"},
		{Scheme: "https", Host: "a@b"},
		{Scheme: "https", Host: "a b"},
		{Scheme: "ftp"},
	} {
		if got, err := r.Build("", &urlfor.Request{Pairs: []string{"id", "7"}, Origin: o}); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Origin %+v: %q, %v; want ErrBadCall", o, got, err)
		}
	}
	got, err := r.Build("/blog", &urlfor.Request{Pairs: []string{"id", "7"}, Origin: urlfor.Origin{Host: "example.com:8080"}})
	if err != nil || got != "http://example.com:8080/blog/posts/7" {
		t.Errorf("Origin without a scheme: %q, %v", got, err)
	}
}

// Route.Build's result is its own string: a later build never changes it.
func TestBuiltURLsAreIndependent(t *testing.T) {
	tpl := mustTemplate(t, "/posts/{id}")
	a, _ := tpl.Build("id", "a")
	b, _ := tpl.Build("id", "b")
	if a != "/posts/a" || b != "/posts/b" {
		t.Errorf("a = %q, b = %q", a, b)
	}
}

// A host template of more parts than the builder keeps inline.
func TestLongHostTemplate(t *testing.T) {
	h, err := urlfor.NewHostTemplate("{a}.{b}.{c}.example.com", []urlfor.Part{
		urlfor.Param("a"), urlfor.Literal("."), urlfor.Param("b"), urlfor.Literal("."), urlfor.Param("c"), urlfor.Literal(".example.com"),
	})
	if err != nil {
		t.Fatal(err)
	}
	r := route("deep", "/x/{id}")
	r.Host = h
	r.Scheme = "https"
	got, err := r.Build("", &urlfor.Request{Pairs: []string{"c", "eu", "b", "shop", "a", "www", "id", "7"}})
	if err != nil || got != "https://www.shop.eu.example.com/x/7" {
		t.Errorf("Build = %q, %v", got, err)
	}
}

// Unroutable bytes other than "/" apply to each segment of a wildcard.
func TestUnroutableInWildcard(t *testing.T) {
	tpl := mustTemplate(t, "/files/{*p}", urlfor.Unroutable("/;"))
	if got, err := tpl.Build("p", "a/b"); err != nil || got != "/files/a/b" {
		t.Errorf(`Build(p="a/b") = %q, %v`, got, err)
	}
	_, err := tpl.Build("p", "a/b;c")
	wantParamError(t, err, "p", urlfor.ErrInvalidParam)
}
