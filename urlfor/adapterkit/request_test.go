package adapterkit_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// reqHandle is a stand-in handle that records which method was called.
type reqHandle struct{ called string }

func (h *reqHandle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	h.called = "URL " + name
	return "/u", nil
}

func (h *reqHandle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	h.called = "AbsoluteURL " + name
	return "http://x/u", nil
}

func (h *reqHandle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	h.called = "Redirect " + name
	return nil
}

type otherHandle struct{ reqHandle }

// The middleware carries the handle to the package-level helpers; without
// it they fail with ErrNoHandle; handles of two adapters do not mix.
func TestMiddlewareCarriesHandle(t *testing.T) {
	h := &reqHandle{}
	var got []string
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hh, ok := adapterkit.FromRequest[reqHandle](r); !ok || hh != h {
			t.Errorf("FromRequest = %v, %v", hh, ok)
		}
		if _, ok := adapterkit.FromRequest[otherHandle](r); ok {
			t.Error("another adapter's handle type found this one")
		}
		u, err := adapterkit.URLFrom[reqHandle](r, "a")
		got = append(got, u, h.called)
		u, err2 := adapterkit.AbsoluteURLFrom[reqHandle](r, "b")
		got = append(got, u, h.called)
		err3 := adapterkit.RedirectFrom[reqHandle](w, r, 302, "c")
		got = append(got, h.called)
		if err != nil || err2 != nil || err3 != nil {
			t.Error(err, err2, err3)
		}
	})
	adapterkit.Middleware(h)(next).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	want := []string{"/u", "URL a", "http://x/u", "AbsoluteURL b", "Redirect c"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
		}
	}

	r := httptest.NewRequest("GET", "/", nil)
	if _, err := adapterkit.URLFrom[reqHandle](r, "a"); !errors.Is(err, adapterkit.ErrNoHandle) {
		t.Errorf("URLFrom without the middleware: %v", err)
	}
	if _, err := adapterkit.AbsoluteURLFrom[reqHandle](r, "a"); !errors.Is(err, adapterkit.ErrNoHandle) {
		t.Errorf("AbsoluteURLFrom without the middleware: %v", err)
	}
	rec := httptest.NewRecorder()
	if err := adapterkit.RedirectFrom[reqHandle](rec, r, 302, "a"); !errors.Is(err, adapterkit.ErrNoHandle) || rec.Body.Len() != 0 {
		t.Errorf("RedirectFrom without the middleware: %v", err)
	}
	if _, ok := adapterkit.FromRequest[reqHandle](nil); ok {
		t.Error("FromRequest(nil) found a handle")
	}
}
