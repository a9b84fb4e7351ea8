package partygin_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
)

// TestShadowedValuesAreRefused checks, against gin over HTTP, that a value
// gin would route to another route is refused, and that the values next to
// it still reach their route.
func TestShadowedValuesAreRefused(t *testing.T) {
	e := gin.New()
	h, err := partygin.Join(e)
	if err != nil {
		t.Fatal(err)
	}
	r := h.Router(e)
	r.Named("user").GET("/users/:id", report)
	r.Named("me").GET("/users/me", report)
	r.Named("post").GET("/posts/:id", report)
	r.Named("edit new").GET("/posts/new/edit", report)
	r.Named("ab").GET("/a/:x/b", report)
	r.Named("ac").GET("/a/c/:y", report)
	r.Named("page").GET("/:page", report)
	r.Named("profile").GET("/user_:name", report)
	r.Named("about").GET("/about", report)
	p, srv := party(t, mount{"/app", e})

	tests := []struct {
		name, param string
		ok          []string
		refused     []string
		route       string
	}{
		{"user", "id", []string{"mee", "m", "ME"}, []string{"me"}, "/users/:id"},
		{"post", "id", []string{"new", "ne"}, nil, "/posts/:id"},
		{"ab", "x", []string{"cc", "d", "C"}, []string{"c"}, "/a/:x/b"},
		{"page", "page", []string{"abou", "user_", "users", "x"}, []string{"about", "user_bob", "__invite__", "__Invite__"}, "/:page"},
	}
	for _, tt := range tests {
		for _, v := range tt.ok {
			u, err := h.URL(nil, tt.name, tt.param, v)
			if err != nil {
				t.Errorf("URL(%s, %q): %v", tt.name, v, err)
				continue
			}
			if got := follow(t, srv, u); got.Route != tt.route || got.Params[tt.param] != v {
				t.Errorf("URL(%s, %q) = %s reached %+v", tt.name, v, u, got)
			}
		}
		for _, v := range tt.refused {
			u, err := h.URL(nil, tt.name, tt.param, v)
			var pe *urlfor.ParamError
			if !errors.As(err, &pe) || !errors.Is(err, urlfor.ErrInvalidParam) {
				t.Errorf("URL(%s, %q) = %q, %v; want a ParamError", tt.name, v, u, err)
				continue
			}
			if !strings.Contains(err.Error(), pe.TakenBy) || pe.TakenBy == "" && !strings.Contains(err.Error(), "invite path") {
				t.Errorf("URL(%s, %q): %v names no route", tt.name, v, err)
			}
			// From outside the app (another app's builder), the same.
			_, err2 := urlfor.New(p).URL("app:"+tt.name, tt.param, v)
			var pe2 *urlfor.ParamError
			if !errors.As(err2, &pe2) || pe2.TakenBy != pe.TakenBy {
				t.Errorf("Builder.URL(app:%s, %q): %v, want it taken by %q", tt.name, v, err2, pe.TakenBy)
			}
		}
	}
	// The invite path is refused by urlfor, which knows the party's guard
	// (any letter case, with or without the trailing slash): no route of
	// the app takes it.
	for v, by := range map[string]string{
		"about":      "GET /about",
		"user_bob":   "GET /user_:name",
		"__INVITE__": "",
	} {
		_, err := h.URL(nil, "page", "page", v)
		var pe *urlfor.ParamError
		if !errors.As(err, &pe) || pe.TakenBy != by {
			t.Errorf("URL(page, %q): %v, want it taken by %q", v, err, by)
		}
	}

	// A static route registered through the Router after the invitation
	// takes its value at once.
	if _, err := h.URL(nil, "user", "id", "you"); err != nil {
		t.Fatal(err)
	}
	r.Named("you").GET("/users/you", report)
	if u, err := h.URL(nil, "user", "id", "you"); !errors.Is(err, urlfor.ErrInvalidParam) {
		t.Errorf("after /users/you was added, URL(user, you) = %q, %v", u, err)
	}
	if got := follow(t, srv, "/app/users/you"); got.Route != "/users/you" {
		t.Errorf("/app/users/you reached %+v", got)
	}
}
