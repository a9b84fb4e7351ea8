package adapterkit_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// An adapter finds the values a sibling route takes from "/posts/{id}",
// asks its router which of them really reach the sibling, and puts the rest
// on the template, where a build refuses them naming the route.
func ExampleSiblings() {
	routes := []adapterkit.Shape{
		{By: "GET /posts/{id}", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/"), adapterkit.P("id")}},
		{By: "GET /posts/new", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/new")}},
		{By: "POST /posts/edit", Tokens: []adapterkit.Token{adapterkit.Lit("/posts/edit")}},
	}
	cands := adapterkit.Siblings(routes, 0, 1, false)
	// The router, asked for GET /posts/<v>: only "new" reaches another route
	// (the POST route does not take a GET).
	cands = adapterkit.Confirm(cands, func(v string) bool { return v == "new" })
	tm, _ := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{
		urlfor.Literal("/posts/"), urlfor.Param("id").TakenBy(adapterkit.Takens(cands)...),
	})
	fmt.Println(tm.Build("id", "edit"))
	_, err := tm.Build("id", "new")
	var pe *urlfor.ParamError
	errors.As(err, &pe)
	fmt.Println(pe.TakenBy)
	// Output:
	// /posts/edit <nil>
	// GET /posts/new
}

// Options read the same in every adapter; Check refuses malformed ones
// with the adapter's name first.
func ExampleConfig_Check() {
	cfg := adapterkit.NewConfig([]adapterkit.Option{adapterkit.Namespace("blog"), adapterkit.InviteRoute("/{join}/")})
	err := cfg.Check("partychi", "{}*")
	fmt.Println(errors.Is(err, adapterkit.ErrInvalidOption))
	fmt.Println(err)
	// Output:
	// true
	// partychi: invalid option: InviteRoute("/{join}/") holds a placeholder of the router (one of "{}*")
}

// A registry of joined apps: the second Join of one app fails.
func ExampleRegistry() {
	type App struct{ name string }
	type Handle struct{ app *App }
	var joined adapterkit.Registry[App, Handle]
	a := &App{"blog"}
	fmt.Println(joined.Add("partyx", a, &Handle{a}))
	fmt.Println(joined.Add("partyx", a, &Handle{a}))
	h, ok := joined.Lookup(a)
	fmt.Println(h.app.name, ok)
	// Output:
	// <nil>
	// partyx: app already joined: an app joins once; keep the handle of the first Join
	// blog true
}

// A Member is the framework-free half of a handle: here it serves the
// invite route of a bare net/http app mounted at /blog.
func ExampleMember() {
	post, _ := urlfor.NewTemplate("/posts/{id}", []urlfor.Part{urlfor.Literal("/posts/"), urlfor.Param("id")})
	routes := urlfor.SourceFunc(func() []urlfor.Route {
		return []urlfor.Route{{Name: "post", Pattern: "/posts/{id}", Path: post}}
	})
	m := adapterkit.NewMember("partyx", "net/http", adapterkit.NewConfig(nil), routes)
	app := http.NewServeMux()
	app.HandleFunc(core.DefaultInvitePath, m.ServeInvite)
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", app))
	if _, err := core.New(mux, []string{"/blog/__invite__/"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(m.URL("post", "id", "7"))
	status, body := m.Answer(httptest.NewRequest("GET", "/__invite__/", nil))
	fmt.Println(status, body)
	// Output:
	// /blog/posts/7 <nil>
	// 404 404 page not found
}

// RestrictRegexp narrows a route's constraint to what the router can route
// back raw.
func ExampleRestrictRegexp() {
	re, _ := adapterkit.RestrictRegexp(`[a-z ]+`, adapterkit.RawSegmentRunes)
	fmt.Println(re)
	// Output:
	// [a-z]+
}

// Sample makes a value a constraint accepts, to ask a router with.
func ExampleSample() {
	fmt.Println(adapterkit.Sample(`[0-9]{4}-[0-9]{2}`))
	// Output:
	// 0000-00
}
