package urlfor

import (
	"strings"
	"testing"
)

// Error texts quote at most maxQuoted bytes of what the caller gave, cut at
// a rune boundary, with the whole length; the fields keep everything.
func TestErrorTextsAreBounded(t *testing.T) {
	huge := strings.Repeat("é", 1<<19) // 1 MiB
	errs := []error{
		&UnknownEndpointError{Name: huge},
		&AmbiguousError{Name: huge, Candidates: []string{"a:x", "b:x"}},
		&ParamError{Endpoint: "blog:post", Pattern: "/p/:id", Param: "id", Value: huge, Reason: "is bad"},
		&ParamError{Endpoint: "blog:post", Pattern: "/p/:id", Param: huge, Missing: true},
	}
	for _, err := range errs {
		msg := err.Error()
		if len(msg) > 300 || !strings.Contains(msg, `"… (1048576 bytes)`) {
			t.Errorf("%T: %d-byte message %.200q", err, len(msg), msg)
		}
	}
	if got := quote("short"); got != `"short"` {
		t.Errorf("quote(short) = %s", got)
	}
	if got, want := quote(strings.Repeat("a", 63)+"é"), `"`+strings.Repeat("a", 63)+`"… (65 bytes)`; got != want {
		t.Errorf("quote cuts inside a rune: %s, want %s", got, want)
	}
}
