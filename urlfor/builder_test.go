package urlfor_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/urlfortest"
)

// shopBlog is the party of the design's example: a shop at the root (no
// namespace: bare names only), a blog at /blog and a forum at /forum.
type shopBlog struct {
	party              *core.Party
	b                  *urlfor.Builder
	shop, blog, forum  *urlfortest.App
	shopP, blogP, forP *urlfor.Participant
}

func newShopBlog(t testing.TB) *shopBlog {
	t.Helper()
	s := &shopBlog{
		shop: urlfortest.NewApp("",
			route("home", "/"),
			route("cart", "/cart"),
			route("product", "/products/{sku:[A-Z0-9-]+}"),
		),
		blog: urlfortest.NewApp("blog",
			route("home", "/"),
			route("post", "/posts/{id}"),
			route("archive", "/{year:[0-9]{4}}/{slug}"),
			route("file", "/files/{*path}"),
			route("search", "/search"),
		),
		forum: urlfortest.NewApp("",
			route("home", "/"),
			route("thread", "/t/{id}"),
		),
	}
	s.party = newParty(t, mount{"", s.shop}, mount{"/blog", s.blog}, mount{"/forum", s.forum})
	s.b = urlfor.New(s.party)
	s.shopP, s.blogP, s.forP = s.shop.Participant(), s.blog.Participant(), s.forum.Participant()
	if s.shopP == nil || s.blogP == nil || s.forP == nil {
		t.Fatal("an app did not join")
	}
	return s
}

func TestURLCrossApp(t *testing.T) {
	s := newShopBlog(t)
	tests := []struct {
		name  string
		pairs []string
		want  string
	}{
		{"blog:post", []string{"id", "7"}, "/blog/posts/7"},
		{"post", []string{"id", "7"}, "/blog/posts/7"},
		{"blog:home", nil, "/blog/"},
		{"blog:archive", []string{"slug", "hello", "year", "2024"}, "/blog/2024/hello"},
		{"blog:file", []string{"path", "a/b c.txt"}, "/blog/files/a/b%20c.txt"},
		{"cart", nil, "/cart"},
		{"product", []string{"sku", "AB-1"}, "/products/AB-1"},
		// The forum has no namespace given: it is "forum", from its prefix.
		{"forum:thread", []string{"id", "9"}, "/forum/t/9"},
		{"thread", []string{"id", "9"}, "/forum/t/9"},
	}
	for _, tt := range tests {
		got, err := s.b.URL(tt.name, tt.pairs...)
		if err != nil || got != tt.want {
			t.Errorf("URL(%q, %q) = %q, %v; want %q", tt.name, tt.pairs, got, err, tt.want)
		}
	}
}

// A qualified name asks only its namespace's app, even when another app has
// the same local name.
func TestQualifiedNamesGoOnlyToTheirNamespace(t *testing.T) {
	s := newShopBlog(t)
	if got, err := s.b.URL("forum:home"); err != nil || got != "/forum/" {
		t.Errorf(`URL("forum:home") = %q, %v`, got, err)
	}
	for _, name := range []string{"blog:thread", "forum:post", "shop:cart", "nope:home", ":home", "blog:"} {
		got, err := s.b.URL(name, "id", "1")
		var ue *urlfor.UnknownEndpointError
		if !errors.As(err, &ue) || !errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Errorf("URL(%q) = %q, %v; want an *UnknownEndpointError", name, got, err)
			continue
		}
		if ue.Name != name {
			t.Errorf("UnknownEndpointError.Name = %q, want %q", ue.Name, name)
		}
	}
}

// A bare name needs exactly one answer; the ambiguity error lists the
// candidates, sorted, with their patterns.
func TestBareNameAmbiguity(t *testing.T) {
	s := newShopBlog(t)
	_, err := s.b.URL("home")
	var ae *urlfor.AmbiguousError
	if !errors.As(err, &ae) || !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Fatalf("URL(home) = %v, want an *AmbiguousError", err)
	}
	want := []string{"blog:home (GET /)", "forum:home (GET /)", "home (GET /)"}
	if !slices.Equal(ae.Candidates, want) {
		t.Errorf("Candidates = %q, want %q", ae.Candidates, want)
	}
	if ae.Name != "home" {
		t.Errorf("Name = %q", ae.Name)
	}
	for _, c := range want {
		if !strings.Contains(err.Error(), c) {
			t.Errorf("message %q does not list %q", err, c)
		}
	}
	if !strings.HasPrefix(err.Error(), "urlfor: ") {
		t.Errorf("message %q", err)
	}
}

// Two routes of one name in one app (echo's Reverse picks one at random,
// echo #1237): an ambiguity naming both patterns, qualified or bare.
func TestDuplicateNamesInOneApp(t *testing.T) {
	blog := urlfortest.NewApp("blog",
		route("post", "/posts/{id}"),
		urlfortest.Route("post", "POST", "/posts", urlfor.Literal("/posts")),
		route("home", "/"),
	)
	p := newParty(t, mount{"/blog", blog})
	b := urlfor.New(p)
	for _, name := range []string{"blog:post", "post"} {
		_, err := b.URL(name, "id", "1")
		var ae *urlfor.AmbiguousError
		if !errors.As(err, &ae) {
			t.Fatalf("URL(%q) = %v, want an *AmbiguousError", name, err)
		}
		want := []string{"blog:post (GET /posts/{id})", "blog:post (POST /posts)"}
		if !slices.Equal(ae.Candidates, want) {
			t.Errorf("URL(%q): Candidates = %q, want %q", name, ae.Candidates, want)
		}
	}
	// Local-first, from inside the app: the same ambiguity.
	if _, err := blog.Participant().URL("post", "id", "1"); !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Errorf("Participant.URL(post) = %v, want ErrAmbiguous", err)
	}
	if got, err := b.URL("home"); err != nil || got != "/blog/" {
		t.Errorf("URL(home) = %q, %v", got, err)
	}
}

// Participant.URL and Member.URL look in the app's own routes first.
func TestLocalFirst(t *testing.T) {
	s := newShopBlog(t)
	tests := []struct {
		p     *urlfor.Participant
		name  string
		pairs []string
		want  string
	}{
		{s.blogP, "home", nil, "/blog/"},
		{s.shopP, "home", nil, "/"},
		{s.forP, "home", nil, "/forum/"},
		{s.blogP, "forum:home", nil, "/forum/"},
		{s.shopP, "post", []string{"id", "7"}, "/blog/posts/7"},
		{s.blogP, "cart", nil, "/cart"},
		{s.blogP, "blog:post", []string{"id", "7", "page", "2"}, "/blog/posts/7?page=2"},
	}
	for _, tt := range tests {
		got, err := tt.p.URL(tt.name, tt.pairs...)
		if err != nil || got != tt.want {
			t.Errorf("%s: URL(%q) = %q, %v; want %q", tt.p.MountPrefix(), tt.name, got, err, tt.want)
		}
	}
	got, err := s.blogP.Build(&urlfor.Request{Name: "post", Pairs: []string{"id", "7"}, Fragment: "c1"})
	if err != nil || got != "/blog/posts/7#c1" {
		t.Errorf("Participant.Build = %q, %v", got, err)
	}
	// Not local, and ambiguous elsewhere: the shop and the forum both
	// have... nothing else in common; a name nobody has is unknown.
	if _, err := s.blogP.URL("nothing"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Errorf("URL(nothing) = %v", err)
	}
}

// Extra pairs become the query string: sorted by key, repeated keys in the
// order given, escaped as application/x-www-form-urlencoded.
func TestQueryString(t *testing.T) {
	s := newShopBlog(t)
	tests := []struct {
		pairs []string
		want  string
	}{
		{[]string{"id", "7", "page", "2"}, "/blog/posts/7?page=2"},
		{[]string{"z", "1", "id", "7", "a", "2", "m", "3"}, "/blog/posts/7?a=2&m=3&z=1"},
		{[]string{"id", "7", "tag", "b", "x", "0", "tag", "a", "tag", "c"}, "/blog/posts/7?tag=b&tag=a&tag=c&x=0"},
		{[]string{"id", "7", "q", "red shoes"}, "/blog/posts/7?q=red+shoes"},
		{[]string{"id", "7", "q", "a&b=c#d"}, "/blog/posts/7?q=a%26b%3Dc%23d"},
		{[]string{"id", "7", "q", "1+1=2"}, "/blog/posts/7?q=1%2B1%3D2"},
		{[]string{"id", "7", "q", "café 日本"}, "/blog/posts/7?q=caf%C3%A9+%E6%97%A5%E6%9C%AC"},
		{[]string{"id", "7", "q", "a/b?c;d%"}, "/blog/posts/7?q=a%2Fb%3Fc%3Bd%25"},
		{[]string{"id", "7", "q", ""}, "/blog/posts/7?q="},
		{[]string{"id", "7", "a b", "1", "k&=", "2"}, "/blog/posts/7?a+b=1&k%26%3D=2"},
		// "#" in the pairs is data, never a fragment.
		{[]string{"id", "7", "#", "top"}, "/blog/posts/7?%23=top"},
		{[]string{"id", "7", "x", "#top"}, "/blog/posts/7?x=%23top"},
		// Keys compare as bytes: upper case first.
		{[]string{"id", "7", "b", "1", "B", "2", "a", "3"}, "/blog/posts/7?B=2&a=3&b=1"},
	}
	for _, tt := range tests {
		got, err := s.b.URL("blog:post", tt.pairs...)
		if err != nil || got != tt.want {
			t.Errorf("URL(blog:post, %q) = %q, %v; want %q", tt.pairs, got, err, tt.want)
		}
	}
	for _, pairs := range [][]string{{"id", "7", "q", "\xff"}, {"id", "7", "q", "a\x00"}} {
		_, err := s.b.URL("blog:post", pairs...)
		if !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("URL(blog:post, %q) = %v, want ErrInvalidParam", pairs, err)
		}
	}
	// A bad key is the caller's mistake, and the message blames the key.
	for _, pairs := range [][]string{{"id", "7", "\xff", "x"}, {"id", "7", "a\x00", "x"}} {
		_, err := s.b.URL("blog:post", pairs...)
		if !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), "query key "+strconv.Quote(pairs[2])) {
			t.Errorf("URL(blog:post, %q) = %v, want ErrBadCall naming the key", pairs, err)
		}
	}
}

func TestFragmentOption(t *testing.T) {
	s := newShopBlog(t)
	got, err := s.b.Build(&urlfor.Request{Name: "blog:post", Pairs: []string{"id", "7", "page", "2"}, Fragment: "comment 3"})
	if err != nil || got != "/blog/posts/7?page=2#comment%203" {
		t.Errorf("Build = %q, %v", got, err)
	}
	got, err = s.b.Build(&urlfor.Request{Name: "cart", Fragment: "x#y"})
	if err != nil || got != "/cart#x%23y" {
		t.Errorf("Build = %q, %v", got, err)
	}
}

func TestBadCalls(t *testing.T) {
	s := newShopBlog(t)
	tests := []struct {
		name  string
		pairs []string
		want  string
	}{
		{"", nil, "empty endpoint name"},
		{"blog:post", []string{"id"}, "odd number of pairs"},
		{"blog:post", []string{"id", "7", "page"}, "odd number of pairs"},
		{"blog:post", []string{"id", "7", "", "x"}, "empty key"},
		{"blog:post", []string{"id", "7", "id", "8"}, "given twice"},
	}
	for _, tt := range tests {
		got, err := s.b.URL(tt.name, tt.pairs...)
		if !errors.Is(err, urlfor.ErrBadCall) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "urlfor: ") {
			t.Errorf("URL(%q, %q) = %q, %v; want ErrBadCall saying %q", tt.name, tt.pairs, got, err, tt.want)
		}
	}
}

func TestParamErrorsThroughTheBuilder(t *testing.T) {
	s := newShopBlog(t)
	_, err := s.b.URL("blog:post")
	pe := wantParamError(t, err, "id", urlfor.ErrMissingParam)
	if pe.Endpoint != "blog:post" || pe.Pattern != "/posts/{id}" {
		t.Errorf("ParamError = %+v", pe)
	}
	if !strings.Contains(err.Error(), `"/posts/{id}"`) {
		t.Errorf("message %q does not show the pattern", err)
	}
	_, err = s.b.URL("archive", "year", "24", "slug", "x")
	pe = wantParamError(t, err, "year", urlfor.ErrInvalidParam)
	if pe.Endpoint != "archive" || pe.Value != "24" {
		t.Errorf("ParamError = %+v", pe)
	}
}

func TestNotInvited(t *testing.T) {
	t.Run("nil party", func(t *testing.T) {
		b := urlfor.New(nil)
		if _, err := b.URL("blog:post", "id", "1"); !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("URL = %v, want ErrNotInvited", err)
		}
		if _, err := b.Build(&urlfor.Request{Name: "x"}); !errors.Is(err, urlfor.ErrNotInvited) {
			t.Errorf("Build = %v, want ErrNotInvited", err)
		}
		if b.Endpoints() != nil || b.Participants() != nil {
			t.Error("a builder without a party lists something")
		}
	})
	t.Run("nobody joined", func(t *testing.T) {
		p, err := core.New(dispatcher(mount{"/static", http.NotFoundHandler()}), []string{"/static/__invite__/"}, core.AllowDecline())
		if err != nil {
			t.Fatal(err)
		}
		b := urlfor.New(p)
		_, err = b.URL("post")
		if !errors.Is(err, urlfor.ErrNotInvited) || errors.Is(err, urlfor.ErrUnknownEndpoint) {
			t.Errorf("URL = %v, want ErrNotInvited", err)
		}
		if !strings.HasPrefix(err.Error(), "urlfor: not invited yet") {
			t.Errorf("message %q", err)
		}
	})
}

// Unknown endpoints: "did you mean", computed only when the message is read
// (Werkzeug #835).
func TestUnknownEndpointSuggestions(t *testing.T) {
	s := newShopBlog(t)
	tests := []struct {
		name string
		want []string
	}{
		{"blog:pots", []string{"blog:post"}},
		{"blog:Post", []string{"blog:post"}},
		{"pots", []string{"post"}},
		{"blog:thread", []string{"forum:thread"}},
		{"blog:cart", []string{"cart"}},
		{"chart", []string{"cart"}},
		{"blog:zzzzzzzzzzzz", nil},
	}
	for _, tt := range tests {
		_, err := s.b.URL(tt.name)
		var ue *urlfor.UnknownEndpointError
		if !errors.As(err, &ue) {
			t.Fatalf("URL(%q) = %v", tt.name, err)
		}
		got := ue.Suggestions()
		if len(tt.want) == 0 {
			if len(got) != 0 {
				t.Errorf("%q: Suggestions() = %q, want none", tt.name, got)
			}
			if strings.Contains(err.Error(), "did you mean") {
				t.Errorf("%q: message %q suggests something", tt.name, err)
			}
			continue
		}
		if len(got) == 0 || got[0] != tt.want[0] {
			t.Errorf("%q: Suggestions() = %q, want %q first", tt.name, got, tt.want[0])
		}
		if len(got) > 3 {
			t.Errorf("%q: %d suggestions", tt.name, len(got))
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, `urlfor: unknown endpoint "`+tt.name+`" (did you mean "`+tt.want[0]+`"`) {
			t.Errorf("%q: message %q", tt.name, msg)
		}
		if again := err.Error(); again != msg {
			t.Errorf("Error() changed: %q then %q", msg, again)
		}
	}
}

// A failing build does not compute its suggestions: it costs the same few
// allocations whatever the number of routes, and reading the message is what
// pays for them.
func TestSuggestionsAreLazy(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts")
	}
	routes := make([]urlfor.Route, 0, 2000)
	for i := 0; i < 2000; i++ {
		routes = append(routes, route("r"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)), "/r/{id}"))
	}
	app := urlfortest.NewApp("big", routes...)
	b := urlfor.New(newParty(t, mount{"/big", app}))
	var err error
	fail := testing.AllocsPerRun(100, func() { _, err = b.URL("big:nope", "id", "1") })
	if !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Fatalf("URL = %v", err)
	}
	if fail > 3 {
		t.Errorf("a failing build allocates %v times: are suggestions computed eagerly?", fail)
	}
	read := testing.AllocsPerRun(1, func() {
		_, err := b.URL("big:nope", "id", "1")
		_ = err.Error()
	})
	if read <= fail+10 {
		t.Errorf("reading the message allocates %v times, a failing build %v: the suggestions seem to be computed before", read, fail)
	}
}

// Routes an app adds after its invitation are found on a miss, by
// qualified and bare names.
func TestRoutesAddedAfterInvitation(t *testing.T) {
	s := newShopBlog(t)
	if _, err := s.b.URL("blog:tag", "tag", "go"); !errors.Is(err, urlfor.ErrUnknownEndpoint) {
		t.Fatalf("URL(blog:tag) before Add = %v", err)
	}
	s.blog.Add(route("tag", "/tags/{tag}"))
	if got, err := s.b.URL("blog:tag", "tag", "go"); err != nil || got != "/blog/tags/go" {
		t.Errorf("URL(blog:tag) = %q, %v", got, err)
	}
	s.forum.Add(route("user", "/u/{name}"))
	if got, err := s.b.URL("user", "name", "ann"); err != nil || got != "/forum/u/ann" {
		t.Errorf("URL(user) = %q, %v", got, err)
	}
	// A bare name another app adds later is ambiguous once a miss made the
	// directory re-read the apps (the directory is refreshed on misses).
	s.shop.Add(route("user", "/account/{name}"))
	_, _ = s.b.URL("no-such-name")
	if _, err := s.b.URL("user", "name", "ann"); !errors.Is(err, urlfor.ErrAmbiguous) {
		t.Errorf("URL(user) after a second app added it = %v, want ErrAmbiguous", err)
	}
	if got, err := s.b.URL("tag", "tag", "x"); err != nil || got != "/blog/tags/x" {
		t.Errorf("URL(tag) = %q, %v", got, err)
	}
	// Local-first sees its own new routes too.
	s.blog.Add(route("about", "/about"))
	if got, err := s.blogP.URL("about"); err != nil || got != "/blog/about" {
		t.Errorf("Participant.URL(about) = %q, %v", got, err)
	}
	eps := s.b.Endpoints()
	if !slices.ContainsFunc(eps, func(e urlfor.Endpoint) bool { return e.Name == "blog:about" }) {
		t.Error("Endpoints() misses blog:about")
	}
}

// countingSource is a Versioned source that counts its Routes calls.
type countingSource struct {
	routes  []urlfor.Route
	version uint64
	reads   int
}

func (c *countingSource) Routes() []urlfor.Route { c.reads++; return c.routes }
func (c *countingSource) RoutesVersion() uint64  { return c.version }

// joiningApp joins with src when invited, as an adapter does.
func joiningApp(t testing.TB, ns string, src urlfor.Source, got **urlfor.Participant) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		p, err := urlfor.Join(op, urlfor.Config{Namespace: ns, Framework: "test", Source: src})
		if err != nil {
			t.Errorf("Join: %v", err)
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		*got = p
	})
}

// A Versioned source is re-read only when its version moved.
func TestVersionedSourceIsReadOnlyWhenItsVersionMoves(t *testing.T) {
	src := &countingSource{routes: []urlfor.Route{route("post", "/posts/{id}")}}
	var p *urlfor.Participant
	party := newParty(t, mount{"/blog", joiningApp(t, "blog", src, &p)})
	b := urlfor.New(party)
	if src.reads != 1 {
		t.Fatalf("Routes() called %d times by Join, want 1", src.reads)
	}
	for _, name := range []string{"blog:nope", "nope", "blog:post", "post"} {
		for i := 0; i < 3; i++ {
			_, _ = b.URL(name, "id", "1")
			_, _ = p.URL(name, "id", "1")
		}
	}
	if _, err := party.AskAround(urlfor.Service, &urlfor.Request{Name: "blog:nope"}); err != nil {
		t.Fatal(err)
	}
	if src.reads != 1 {
		t.Fatalf("Routes() called %d times with an unmoved version, want 1", src.reads)
	}
	src.routes = append(src.routes, route("tag", "/tags/{tag}"))
	src.version++
	if got, err := b.URL("blog:tag", "tag", "go"); err != nil || got != "/blog/tags/go" {
		t.Errorf("URL(blog:tag) = %q, %v", got, err)
	}
	if src.reads != 2 {
		t.Errorf("Routes() called %d times after one version move, want 2", src.reads)
	}
	_, _ = b.URL("blog:nope")
	if src.reads != 2 {
		t.Errorf("Routes() called %d times, want still 2", src.reads)
	}
}

// An unversioned source is re-read on every miss (so a route added later is
// found), and never on a hit.
func TestUnversionedSourceIsReadOnMisses(t *testing.T) {
	var reads int
	routes := []urlfor.Route{route("post", "/posts/{id}")}
	src := urlfor.SourceFunc(func() []urlfor.Route { reads++; return routes })
	var p *urlfor.Participant
	b := urlfor.New(newParty(t, mount{"/blog", joiningApp(t, "blog", src, &p)}))
	for i := 0; i < 5; i++ {
		if _, err := b.URL("blog:post", "id", "1"); err != nil {
			t.Fatal(err)
		}
	}
	if reads != 1 {
		t.Errorf("Routes() called %d times on hits, want 1", reads)
	}
	_, _ = b.URL("blog:nope")
	if reads != 2 {
		t.Errorf("Routes() called %d times after a miss, want 2", reads)
	}
	routes = append(routes, route("tag", "/tags/{tag}"))
	if got, err := b.URL("blog:tag", "tag", "go"); err != nil || got != "/blog/tags/go" {
		t.Errorf("URL(blog:tag) = %q, %v", got, err)
	}
}

// Routes found by the url_for service's own refresh are seen by the
// builder's directory too.
func TestServiceRefreshReachesTheDirectory(t *testing.T) {
	routes := []urlfor.Route{route("post", "/posts/{id}")}
	src := urlfor.SourceFunc(func() []urlfor.Route { return routes })
	var p *urlfor.Participant
	party := newParty(t, mount{"/blog", joiningApp(t, "blog", src, &p)})
	b := urlfor.New(party)
	if _, err := b.URL("blog:post", "id", "1"); err != nil {
		t.Fatal(err)
	}
	routes = append(routes, route("tag", "/tags/{tag}"))
	answers, err := party.AskAround(urlfor.Service, &urlfor.Request{Name: "blog:tag", Pairs: []string{"tag", "go"}})
	if err != nil || len(answers) != 1 || answers[0] != "/blog/tags/go" {
		t.Fatalf("AskAround = %v, %v", answers, err)
	}
	if got, err := b.URL("blog:tag", "tag", "go"); err != nil || got != "/blog/tags/go" {
		t.Errorf("URL(blog:tag) after the service found it = %q, %v", got, err)
	}
	if got, err := b.URL("tag", "tag", "go"); err != nil || got != "/blog/tags/go" {
		t.Errorf("URL(tag) after the service found it = %q, %v", got, err)
	}
}

func TestRouteErrIsReturned(t *testing.T) {
	why := errors.New("partytest: cannot translate /x/{a:b}")
	app := urlfortest.NewApp("blog", route("post", "/posts/{id}"), urlfor.Route{Name: "weird", Pattern: "/x/{a:b}", Err: why})
	b := urlfor.New(newParty(t, mount{"/blog", app}))
	if _, err := b.URL("blog:weird", "a", "1"); err != why {
		t.Errorf("URL(blog:weird) = %v, want Route.Err", err)
	}
	if _, err := b.URL("weird"); err != why {
		t.Errorf("URL(weird) = %v, want Route.Err", err)
	}
	eps := b.Endpoints()
	if !slices.ContainsFunc(eps, func(e urlfor.Endpoint) bool { return e.Name == "blog:weird" && e.Route.Err == why }) {
		t.Errorf("Endpoints() = %v: the route with an error is not listed", eps)
	}
}

func TestEndpointsAndParticipants(t *testing.T) {
	s := newShopBlog(t)
	s.shop.Add(urlfor.Route{Pattern: "/unnamed", Path: mustTemplate(t, "/unnamed")})
	ps := s.b.Participants()
	if len(ps) != 3 || ps[0] != s.shopP || ps[1] != s.blogP || ps[2] != s.forP {
		t.Fatalf("Participants() = %v", ps)
	}
	ps[0] = nil // a copy
	if s.b.Participants()[0] != s.shopP {
		t.Error("Participants() shares its slice")
	}
	if s.blogP.Namespace() != "blog" || s.blogP.MountPrefix() != "/blog" || s.blogP.Framework() != "urlfortest" {
		t.Errorf("blog: %q %q %q", s.blogP.Namespace(), s.blogP.MountPrefix(), s.blogP.Framework())
	}
	if s.shopP.Namespace() != "" || s.shopP.MountPrefix() != "" {
		t.Errorf("shop: %q %q", s.shopP.Namespace(), s.shopP.MountPrefix())
	}
	if s.forP.Namespace() != "forum" {
		t.Errorf("forum namespace = %q", s.forP.Namespace())
	}
	if s.blogP.Operator() == nil || s.blogP.Operator().InvitePath() != "/blog/__invite__/" {
		t.Error("blog operator")
	}
	if len(s.blogP.Routes()) != 5 {
		t.Errorf("blog Routes() = %d", len(s.blogP.Routes()))
	}
	var names []string
	for _, e := range s.b.Endpoints() {
		names = append(names, e.Name+" "+e.MountPrefix+" "+e.Framework+" "+e.Route.Pattern)
		if e.Namespace == "blog" && !strings.HasPrefix(e.Name, "blog:") {
			t.Errorf("endpoint %+v", e)
		}
	}
	want := []string{
		"home  urlfortest /", "cart  urlfortest /cart", "product  urlfortest /products/{sku:[A-Z0-9-]+}",
		"blog:home /blog urlfortest /", "blog:post /blog urlfortest /posts/{id}", "blog:archive /blog urlfortest /{year:[0-9]{4}}/{slug}",
		"blog:file /blog urlfortest /files/{*path}", "blog:search /blog urlfortest /search",
		"forum:home /forum urlfortest /", "forum:thread /forum urlfortest /t/{id}",
	}
	if !slices.Equal(names, want) {
		t.Errorf("Endpoints() =\n%q\nwant\n%q", names, want)
	}
}

// The namespace defaults to the mount prefix without its "/".
func TestNamespaceFromDeepPrefix(t *testing.T) {
	api := urlfortest.NewApp("", route("users", "/users/{id}"))
	b := urlfor.New(newParty(t, mount{"/api/v1", api}))
	if got, err := b.URL("api/v1:users", "id", "3"); err != nil || got != "/api/v1/users/3" {
		t.Errorf("URL = %q, %v", got, err)
	}
}

func TestJoinErrors(t *testing.T) {
	var errs []error
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		src := urlfor.SourceFunc(func() []urlfor.Route { return nil })
		for _, cfg := range []urlfor.Config{
			{},
			{Namespace: "a:b", Source: src},
			{InviteRoute: "/other/", Source: src},
		} {
			_, err := urlfor.Join(op, cfg)
			errs = append(errs, err)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	newParty(t, mount{"/blog", app})
	if len(errs) != 3 {
		t.Fatalf("%d errors", len(errs))
	}
	if !errors.Is(errs[0], urlfor.ErrBadCall) || !strings.Contains(errs[0].Error(), "Source") {
		t.Errorf("nil Source: %v", errs[0])
	}
	if !errors.Is(errs[1], urlfor.ErrBadCall) || !strings.Contains(errs[1].Error(), `"a:b"`) {
		t.Errorf("namespace with a colon: %v", errs[1])
	}
	if !errors.Is(errs[2], core.ErrInvalidInvitePath) {
		t.Errorf("invite route not fitting: %v", errs[2])
	}
}

// Two apps asking for the same namespace: the second invitation fails, as
// core reports it.
func TestNamespaceTaken(t *testing.T) {
	a := urlfortest.NewApp("blog", route("post", "/posts/{id}"))
	b := urlfortest.NewApp("blog", route("post", "/p/{id}"))
	_, err := core.New(dispatcher(mount{"/a", a}, mount{"/b", b}), []string{"/a/__invite__/", "/b/__invite__/"})
	var ie *core.InvitationError
	if !errors.As(err, &ie) || ie.Path != "/b/__invite__/" || ie.Status != http.StatusInternalServerError {
		t.Fatalf("core.New = %v, want the second invitation to fail with 500", err)
	}
	if !errors.Is(b.JoinErr(), core.ErrNamespaceTaken) || a.JoinErr() != nil {
		t.Errorf("JoinErr: a %v, b %v", a.JoinErr(), b.JoinErr())
	}
}

// The invite route of a urlfortest app answers 404 from outside.
func TestInviteRouteIsNotReachable(t *testing.T) {
	s := newShopBlog(t)
	for _, path := range []string{"/blog/__invite__/", "/__invite__/"} {
		rec := httptest.NewRecorder()
		s.party.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d", path, rec.Code)
		}
	}
}

// Participant.Refresh re-reads the routes now, versioned or not: an adapter
// calls it for a change its source's version does not count.
func TestParticipantRefresh(t *testing.T) {
	t.Run("unversioned", func(t *testing.T) {
		routes := []urlfor.Route{route("post", "/posts/{id}")}
		var p *urlfor.Participant
		b := urlfor.New(newParty(t, mount{"/blog", joiningApp(t, "blog", urlfor.SourceFunc(func() []urlfor.Route { return routes }), &p)}))
		if p.Refresh() {
			t.Error("Refresh() = true with no change")
		}
		routes = []urlfor.Route{route("post", "/p/{id}")}
		if !p.Refresh() {
			t.Error("Refresh() = false after a change")
		}
		if got, err := b.URL("blog:post", "id", "1"); err != nil || got != "/blog/p/1" {
			t.Errorf("URL = %q, %v", got, err)
		}
		if p.Refresh() {
			t.Error("Refresh() = true twice")
		}
		// Same names and patterns, another escaping rule.
		strict := route("post", "/p/{id}")
		strict.Path = mustTemplate(t, "/p/{id}", urlfor.Unroutable("/"))
		routes = []urlfor.Route{strict}
		if !p.Refresh() {
			t.Error("Refresh() = false after a template change")
		}
		if _, err := b.URL("blog:post", "id", "a/b"); !errors.Is(err, urlfor.ErrInvalidParam) {
			t.Errorf("URL(id=a/b) with the new template = %v", err)
		}
	})
	t.Run("versioned, version unmoved", func(t *testing.T) {
		src := &countingSource{routes: []urlfor.Route{route("post", "/posts/{id}")}}
		var p *urlfor.Participant
		b := urlfor.New(newParty(t, mount{"/blog", joiningApp(t, "blog", src, &p)}))
		// A change the version does not count (say, a router option that
		// changes how values are escaped, hence the templates).
		src.routes = []urlfor.Route{route("post", "/p/{id}")}
		if !p.Refresh() {
			t.Error("Refresh() = false after a change the version does not count")
		}
		if got, err := b.URL("blog:post", "id", "1"); err != nil || got != "/blog/p/1" {
			t.Errorf("URL = %q, %v", got, err)
		}
	})
}
