package partychi

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/go-chi/chi/v5"
)

func nop(http.ResponseWriter, *http.Request) {}

// Every Name shares one code pointer, whatever the call site, and no other
// middleware has it.
func TestNameIsRecognised(t *testing.T) {
	names := []func(http.Handler) http.Handler{Name("a"), Name("b")}
	for i := range 3 {
		names = append(names, Name(fmt.Sprint(i)))
	}
	other := func(next http.Handler) http.Handler { return next }
	for _, mw := range names {
		if reflect.ValueOf(mw).Pointer() != markerCode {
			t.Fatal("a Name middleware has another code pointer")
		}
	}
	if reflect.ValueOf(other).Pointer() == markerCode {
		t.Fatal("a user middleware looks like a Name")
	}
	got := namesOf(append([]func(http.Handler) http.Handler{other, nil, Name("")}, names...))
	if want := []string{"a", "b", "0", "1", "2"}; !slices.Equal(got, want) {
		t.Errorf("namesOf = %q, want %q", got, want)
	}
	// At request time Name is the identity.
	h := http.HandlerFunc(nop)
	if got := Name("x")(h); reflect.ValueOf(got).Pointer() != reflect.ValueOf(h).Pointer() {
		t.Error("Name wraps the handler")
	}
}

// walk reports what chi.Walk reports when nothing below is joined.
func TestWalkMatchesChi(t *testing.T) {
	r := chi.NewRouter()
	r.Use(func(next http.Handler) http.Handler { return next })
	r.With(Name("home")).Get("/", nop)
	r.HandleFunc("/any", nop)
	r.Route("/posts", func(r chi.Router) {
		r.Get("/", nop)
		r.With(Name("post")).Get("/{id}", nop)
		r.Route("/{id}/comments", func(r chi.Router) {
			r.With(Name("comment")).Post("/{cid:[0-9]+}", nop)
		})
	})
	r.Group(func(r chi.Router) {
		r.Use(Name("g"))
		r.Get("/g/{x}", nop)
	})
	sub := chi.NewRouter()
	sub.Get("/s/*", nop)
	r.With(Name("mounted")).Mount("/sub", sub)
	r.Mount("/static", http.FileServer(http.Dir(".")))

	record := func(out *[]string) walkFunc {
		return func(method, route string, _ http.Handler, mws ...func(http.Handler) http.Handler) error {
			*out = append(*out, fmt.Sprintf("%s %s %d %q", method, route, len(mws), namesOf(mws)))
			return nil
		}
	}
	var ours, theirs []string
	if err := walk(r, record(&ours), func(string, chi.Routes) bool { return false }, ""); err != nil {
		t.Fatal(err)
	}
	if err := chi.Walk(r, chi.WalkFunc(record(&theirs))); err != nil {
		t.Fatal(err)
	}
	sort.Strings(ours)
	sort.Strings(theirs)
	if !slices.Equal(ours, theirs) || len(ours) < 10 {
		t.Errorf("walk:\n%q\nchi.Walk:\n%q", ours, theirs)
	}
}
