package core_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/partyline-go/partyline/core"
)

// An app joins the party from its invite route: it calls AcceptInvitation
// and keeps the operator. Every other request to the route gets 404.
func ExampleAcceptInvitation() {
	var operator *core.Operator
	app := http.NewServeMux()
	app.HandleFunc(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		operator = op
		fmt.Println("joined at", op.InvitePath())
	})

	party, err := core.New(app, []string{core.DefaultInvitePath})
	if err != nil {
		panic(err)
	}
	fmt.Println("operator kept:", operator != nil)

	// The same route from outside: the party answers 404 itself.
	rec := httptest.NewRecorder()
	party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/__invite__/", nil))
	fmt.Println("GET /__invite__/ from outside:", rec.Code)
	// Output:
	// joined at /__invite__/
	// operator kept: true
	// GET /__invite__/ from outside: 404
}

// New sends one invitation per invite path, through the whole dispatcher,
// before it returns; Invitations reports each outcome.
func ExampleNew() {
	join := func(w http.ResponseWriter, r *http.Request) {
		if _, ok := core.AcceptInvitation(r); !ok {
			http.NotFound(w, r)
		}
	}
	shop := http.NewServeMux()
	shop.HandleFunc(core.DefaultInvitePath, join)
	blog := http.NewServeMux()
	blog.HandleFunc(core.DefaultInvitePath, join)

	dispatcher := http.NewServeMux()
	dispatcher.Handle("/", shop)
	dispatcher.Handle("/blog/", http.StripPrefix("/blog", blog))

	party, err := core.New(dispatcher, []string{
		"/__invite__/",
		"/blog/__invite__/",
		"/forum/__invite__/", // nothing mounted there: 404, not participating
	}, core.AllowDecline())
	if err != nil {
		panic(err)
	}
	for _, inv := range party.Invitations() {
		fmt.Println(inv.Path, inv.Status, inv.Joined)
	}
	fmt.Println(len(party.Operators()), "operators")
	// Output:
	// /__invite__/ 200 true
	// /blog/__invite__/ 200 true
	// /forum/__invite__/ 404 false
	// 2 operators
}

// An invitation through http.ServeMux and http.StripPrefix: the app sees its
// local invite route, the operator knows the full invite path, and the
// difference is the app's mount prefix.
func ExampleNew_stripPrefix() {
	blog := http.NewServeMux()
	blog.HandleFunc(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if err := op.Identify("blog", core.DefaultInvitePath); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Println("the app saw:     ", r.URL.Path)
		fmt.Println("invite path:     ", op.InvitePath())
		fmt.Println("mount prefix:    ", op.MountPrefix())
		fmt.Println("namespace:       ", op.Namespace())
	})

	dispatcher := http.NewServeMux()
	dispatcher.Handle("/blog/", http.StripPrefix("/blog", blog))

	if _, err := core.New(dispatcher, []string{"/blog/__invite__/"}); err != nil {
		panic(err)
	}
	// Output:
	// the app saw:      /__invite__/
	// invite path:      /blog/__invite__/
	// mount prefix:     /blog
	// namespace:        blog
}

// The "ping" service of wsgi_party's documentation: every app connects a
// handler when it joins, and any app asks the others.
func Example_ping() {
	operators := map[string]*core.Operator{}
	dispatcher := http.NewServeMux()
	for _, name := range []string{"shop", "blog", "forum"} {
		app := http.NewServeMux()
		app.HandleFunc(core.DefaultInvitePath, func(w http.ResponseWriter, r *http.Request) {
			op, ok := core.AcceptInvitation(r)
			if !ok {
				http.NotFound(w, r)
				return
			}
			op.Connect("ping", func(payload any) (any, error) {
				return fmt.Sprintf("%s: pong to %v", name, payload), nil
			})
			operators[name] = op
		})
		dispatcher.Handle("/"+name+"/", http.StripPrefix("/"+name, app))
	}
	_, err := core.New(dispatcher, []string{"/shop/__invite__/", "/blog/__invite__/", "/forum/__invite__/"})
	if err != nil {
		panic(err)
	}

	answers, err := operators["blog"].AskAround("ping", "blog")
	if err != nil {
		panic(err)
	}
	for _, a := range answers {
		fmt.Println(a)
	}
	// Output:
	// shop: pong to blog
	// forum: pong to blog
}

// The party itself can connect handlers and ask around; it asks everybody.
// A handler with nothing to say is high and dry, and is skipped.
func ExampleParty_AskAround() {
	party, err := core.New(http.NotFoundHandler(), nil)
	if err != nil {
		panic(err)
	}
	party.Connect("greet", func(payload any) (any, error) {
		return "hello, " + payload.(string), nil
	})
	party.Connect("greet", func(payload any) (any, error) {
		if payload != "world" {
			return nil, core.ErrHighAndDry
		}
		return "hi, world", nil
	})
	party.Connect("greet", func(payload any) (any, error) {
		return strings.ToUpper(payload.(string)), nil
	})

	for _, who := range []string{"world", "gopher"} {
		answers, err := party.AskAround("greet", who)
		fmt.Println(answers, err)
	}

	_, err = party.AskAround("farewell", nil)
	fmt.Println(errors.Is(err, core.ErrNoSuchService), err)
	// Output:
	// [hello, world hi, world WORLD] <nil>
	// [hello, gopher GOPHER] <nil>
	// true core: no such service: "farewell"
}

// Party.Connect appends; the answers come back in connect order.
func ExampleParty_Connect() {
	party, err := core.New(http.NotFoundHandler(), nil)
	if err != nil {
		panic(err)
	}
	h := func(any) (any, error) { return "same", nil }
	party.Connect("echo", func(any) (any, error) { return "first", nil })
	party.Connect("echo", h)
	party.Connect("echo", h) // duplicates are kept, as in wsgi_party
	answers, _ := party.AskAround("echo", nil)
	fmt.Println(answers)
	// Output:
	// [first same same]
}

// An operator asking around skips its own handlers; a failing handler comes
// back as a *HandlerError naming the service and the participant.
func ExampleOperator_AskAround() {
	ops := map[string]*core.Operator{}
	dispatcher := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if op, ok := core.AcceptInvitation(r); ok {
			ops[op.InvitePath()] = op
		}
	})
	if _, err := core.New(dispatcher, []string{"/a/__invite__/", "/b/__invite__/", "/c/__invite__/"}); err != nil {
		panic(err)
	}
	a, b, c := ops["/a/__invite__/"], ops["/b/__invite__/"], ops["/c/__invite__/"]
	a.Connect("whoami", func(any) (any, error) { return "a", nil })
	b.Connect("whoami", func(any) (any, error) { return "b", nil })
	c.Connect("whoami", func(any) (any, error) { return nil, errors.New("c is down") })

	answers, err := a.AskAround("whoami", nil)
	fmt.Println(answers)
	var he *core.HandlerError
	if errors.As(err, &he) {
		fmt.Println(he.Service, he.Participant, he.Err)
	}
	// Output:
	// [b]
	// whoami /c/__invite__/ c is down
}

// MountPrefix is the invite path minus the invite route the app registered.
func ExampleMountPrefix() {
	for _, c := range [][2]string{
		{"/blog/__invite__/", "/__invite__/"},      // behind http.StripPrefix
		{"/__invite__/", "/__invite__/"},           // the root app
		{"/blog/__invite__/", "/blog/__invite__/"}, // no prefix stripping
		{"/blog/__invite__/", "/other/"},           // not a suffix
	} {
		prefix, err := core.MountPrefix(c[0], c[1])
		fmt.Printf("%q %v\n", prefix, err)
	}
	// Output:
	// "/blog" <nil>
	// "" <nil>
	// "" <nil>
	// "" core: invalid invite path: local invite route "/other/" is not a suffix of invite path "/blog/__invite__/"
}

// Identify gives an app its namespace; a namespace belongs to one app.
func ExampleOperator_Identify() {
	var ops []*core.Operator
	dispatcher := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if op, ok := core.AcceptInvitation(r); ok {
			ops = append(ops, op)
		}
	})
	if _, err := core.New(dispatcher, []string{"/blog/__invite__/", "/news/__invite__/"}); err != nil {
		panic(err)
	}
	fmt.Println(ops[0].Identify("blog", core.DefaultInvitePath), ops[0].Namespace(), ops[0].MountPrefix())
	err := ops[1].Identify("blog", core.DefaultInvitePath)
	fmt.Println(errors.Is(err, core.ErrNamespaceTaken))
	// Output:
	// <nil> blog /blog
	// true
}

// Without IgnoreMissingServices, asking around a service nobody connected
// is ErrNoSuchService; with it, the answer is empty.
func ExampleIgnoreMissingServices() {
	strict, _ := core.New(http.NotFoundHandler(), nil)
	lenient, _ := core.New(http.NotFoundHandler(), nil, core.IgnoreMissingServices())
	_, err := strict.AskAround("url_for", nil)
	fmt.Println(err)
	answers, err := lenient.AskAround("url_for", nil)
	fmt.Println(len(answers), err)
	// Output:
	// core: no such service: "url_for"
	// 0 <nil>
}

// WithLogger shows the invitations New sends: the start-up requests
// wsgi_party kept hidden.
func ExampleWithLogger() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{} // they vary from run to run
			}
			return a
		},
	}))
	dispatcher := http.NewServeMux()
	dispatcher.HandleFunc("/blog/__invite__/", func(w http.ResponseWriter, r *http.Request) {
		core.AcceptInvitation(r)
	})
	_, err := core.New(dispatcher, []string{"/blog/__invite__/", "/shop/__invite__/"}, core.WithLogger(logger), core.AllowDecline())
	fmt.Println(err)
	// Output:
	// level=INFO msg="partyline: app joined" path=/blog/__invite__/ status=200 joined=true
	// level=INFO msg="partyline: app not participating" path=/shop/__invite__/ status=404 joined=false
	// <nil>
}

// An app that fails its invitation makes New fail, naming the invite path.
func ExampleInvitationError() {
	dispatcher := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/shop/__invite__/" {
			http.Error(w, "no database", http.StatusServiceUnavailable)
			return
		}
		core.AcceptInvitation(r)
	})
	_, err := core.New(dispatcher, []string{"/shop/__invite__/", "/blog/__invite__/"})
	var ie *core.InvitationError
	if errors.As(err, &ie) {
		fmt.Println(ie.Path, ie.Status)
	}
	fmt.Println(err)
	// Output:
	// /shop/__invite__/ 503
	// core: invitation /shop/__invite__/: app answered 503: no database
}

// Party.ServeHTTP passes ordinary requests through and answers 404 for
// invite paths, however they are spelled.
func ExampleParty_ServeHTTP() {
	dispatcher := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := core.AcceptInvitation(r); ok {
			return
		}
		fmt.Fprint(w, "app: ", r.URL.Path)
	})
	party, _ := core.New(dispatcher, []string{"/blog/__invite__/"})
	for _, target := range []string{"/blog/posts/7", "/blog/__invite__/", "/BLOG/%5F%5Finvite%5F%5F?x=1"} {
		rec := httptest.NewRecorder()
		party.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, target, nil))
		fmt.Println(target, rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	// Output:
	// /blog/posts/7 200 app: /blog/posts/7
	// /blog/__invite__/ 404 404 page not found
	// /BLOG/%5F%5Finvite%5F%5F?x=1 404 404 page not found
}

// Extension keeps per-party state for packages built on the partyline.
func ExampleParty_Extension() {
	type directoryKey struct{}
	party, _ := core.New(http.NotFoundHandler(), nil)
	newDirectory := func() any { fmt.Println("created"); return map[string]string{} }
	d1 := party.Extension(directoryKey{}, newDirectory).(map[string]string)
	d1["blog"] = "/blog"
	d2 := party.Extension(directoryKey{}, newDirectory).(map[string]string)
	fmt.Println(d2["blog"])
	// Output:
	// created
	// /blog
}
