package fiberdialect

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

func TestBridgeHeaders(t *testing.T) {
	h := http.Header{"Accept": {"a", "b"}, "Cookie": {"x=1", "y=2"}, "X-Forwarded-Proto": {"http"}, "Host2": {"h"}}
	got := BridgeHeaders(h, []string{"X-Forwarded-Proto"}, "; ", http.Header{"Set": {"v"}})
	want := http.Header{"Accept": {"a, b"}, "Cookie": {"x=1; y=2"}, "Host2": {"h"}, "Set": {"v"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := BridgeHeaders(h, nil, "", nil); len(got["Cookie"]) != 2 || len(h["Accept"]) != 2 {
		t.Errorf("cookies joined or h modified: %v, %v", got, h)
	}
	if !HasRepeated(h) || HasRepeated(http.Header{"A": {"1"}}) {
		t.Error("HasRepeated")
	}
}

func TestRequestURI(t *testing.T) {
	r := httptest.NewRequest("GET", "/a/b?q=1", nil)
	for path, want := range map[string]string{"/b": "/b?q=1", "b": "/b?q=1", "//h/x": "http://partyline.invalid//h/x?q=1", "/a/b": "/a/b?q=1"} {
		if got := RequestURI(r, path); got != want {
			t.Errorf("%q: got %q, want %q", path, got, want)
		}
	}
}

func TestPatternError(t *testing.T) {
	e := &PatternError{Pkg: "partyfiber", Pattern: "/x/:a:b", Param: "a", Reason: "why"}
	if got := e.Error(); got != `partyfiber: pattern "/x/:a:b", parameter "a": why` {
		t.Errorf("got %q", got)
	}
	if e.Is(ErrUntranslatable) != true || (&PatternError{}).Error() != `fiber: pattern "": ` {
		t.Errorf("Is or default prefix: %q", (&PatternError{}).Error())
	}
}
