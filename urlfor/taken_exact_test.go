package urlfor_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// A value a static sibling route takes is refused, with the adapter's
// reason; other values, and other parameters, are not affected.
func TestTakenExactFoldWildcard(t *testing.T) {
	exact, err := urlfor.NewTemplate("/posts/:id", []urlfor.Part{
		urlfor.Literal("/posts/"), urlfor.Param("id").TakenBy(urlfor.Taken{By: "GET /posts/new", Values: []string{"new", "drafts"}}),
	})
	if err != nil {
		t.Fatal(err)
	}
	fold, err := urlfor.NewTemplate("/posts/:id", []urlfor.Part{
		urlfor.Literal("/posts/"), urlfor.Param("id").TakenBy(urlfor.Taken{Values: []string{"new"}, Fold: true}),
	})
	if err != nil {
		t.Fatal(err)
	}
	wild, err := urlfor.NewTemplate("/files/*", []urlfor.Part{
		urlfor.Literal("/files/"), urlfor.Wildcard("*").TakenBy(urlfor.Taken{By: "GET /files/readme", Values: []string{"readme"}}),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		tmpl    *urlfor.Template
		value   string
		refused string // "" when the build succeeds
	}{
		{exact, "new", `reaches "GET /posts/new" instead`},
		{exact, "drafts", `reaches "GET /posts/new" instead`},
		{exact, "NEW", ""},
		{exact, "new2", ""},
		{exact, "ne", ""},
		{fold, "NeW", "is taken by another route"},
		{fold, "news", ""},
		{wild, "readme", `reaches "GET /files/readme" instead`},
		{wild, "docs/readme", ""},
	} {
		key := "id"
		if c.tmpl == wild {
			key = "*"
		}
		u, err := c.tmpl.Build(key, c.value)
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("%q: %v", c.value, err)
		case c.refused == "" && !strings.HasSuffix(u, "/"+c.value):
			t.Errorf("%q: built %q", c.value, u)
		case c.refused != "":
			var pe *urlfor.ParamError
			if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) || (pe.Param != "id" && pe.Param != "*") || !strings.Contains(err.Error(), c.refused) {
				t.Errorf("%q: %q, %v; want a ParamError saying %q", c.value, u, err, c.refused)
			}
		}
	}
}
