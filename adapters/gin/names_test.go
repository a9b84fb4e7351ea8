package partygin_test

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
)

// The handlers below live in the external test package, whose import path
// is ".../adapters/gin_test": their default names start with "gin_test.".

func showPost(c *gin.Context) { c.String(http.StatusOK, "post %s", c.Param("id")) }

type server struct{ greeting string }

func (s *server) Show(c *gin.Context) { c.String(http.StatusOK, s.greeting) }

type value struct{}

func (value) Show(c *gin.Context) { c.Status(http.StatusOK) }

func listOf[T any](c *gin.Context) { c.Status(http.StatusOK) }

type store[T any] struct{}

func (*store[T]) Show(c *gin.Context) { c.Status(http.StatusOK) }

// factory returns a closure: every route made with it would share a name.
func factory(msg string) gin.HandlerFunc {
	return func(c *gin.Context) { c.String(http.StatusOK, msg) }
}

var packageClosure = func(c *gin.Context) {}

func TestDefaultName(t *testing.T) {
	local := func(c *gin.Context) {}
	tests := []struct {
		name    string
		handler gin.HandlerFunc
		want    string
	}{
		{"function", showPost, "gin_test.showPost"},
		{"method value, pointer receiver", (&server{}).Show, "gin_test.server.Show"},
		{"method value, value receiver", value{}.Show, "gin_test.value.Show"},
		{"generic function", listOf[int], "gin_test.listOf"},
		{"generic function, other instantiation", listOf[string], "gin_test.listOf"},
		{"method of a generic type", (&store[int]{}).Show, "gin_test.store.Show"},
		{"closure in a function", local, ""},
		{"closure from a factory", factory("hi"), ""},
		{"closure in a package variable", packageClosure, ""},
		{"gin.WrapF", gin.WrapF(func(http.ResponseWriter, *http.Request) {}), ""},
		{"gin's own function", gin.Logger(), ""},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := partygin.DefaultName(tt.handler); got != tt.want {
				t.Errorf("DefaultName = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDefaultNameIsGinsName checks that the default name is derived from
// the name gin itself reports (RouteInfo.Handler), so that routes read
// from engine.Routes() get the names DefaultName promises.
func TestDefaultNameIsGinsName(t *testing.T) {
	e := gin.New()
	handlers := []gin.HandlerFunc{showPost, (&server{}).Show, listOf[int], (&store[int]{}).Show}
	for i, h := range handlers {
		e.GET("/r"+string(rune('a'+i)), h)
	}
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	party(t, mount{"", e})
	p, err := h.Participant()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range p.Routes() {
		got[r.Pattern] = r.Name
	}
	for i, hf := range handlers {
		path := "/r" + string(rune('a'+i))
		if got[path] != partygin.DefaultName(hf) || got[path] == "" {
			t.Errorf("route %s is named %q, DefaultName says %q", path, got[path], partygin.DefaultName(hf))
		}
	}
}
