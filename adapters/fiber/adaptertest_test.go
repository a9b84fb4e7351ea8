package partyfiber_test

import (
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter conformance suite on partyfiber, with
// fiber's default Config (raw path, case-insensitive, not strict), and in
// the other configurations that change how a URL routes back.
func TestConformance(t *testing.T) {
	for name, cfg := range map[string]fiber.Config{
		"default":      {},
		"UnescapePath": {UnescapePath: true},
		"strict":       {CaseSensitive: true, StrictRouting: true},
		"all":          {UnescapePath: true, CaseSensitive: true, StrictRouting: true},
	} {
		t.Run(name, func(t *testing.T) { adaptertest.Run(t, driver(cfg)) })
	}
}

func driver(cfg fiber.Config) adaptertest.Driver {
	return adaptertest.Driver{
		Framework: "fiber v2",
		Dialect:   fiberDialect,
		NewApp: func(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
			return newFiberApp(cfg, routes, o)
		},
		// By default c.Params hands the raw path text: exact for the values
		// urlfor writes as they are. With UnescapePath fiber decodes the
		// path before routing, and every value URL builds there ("/" and
		// "+" refused) is exact.
		NativeExact: func(v string, wildcard bool) bool {
			return cfg.UnescapePath || writtenRaw(v, wildcard)
		},
	}
}

// writtenRaw reports whether urlfor writes v into a path as it is (a
// parameter, or a wildcard that keeps "/"): asked of urlfor itself, so
// that the claim follows its escaping (urlfor/doc.go, "# Escaping").
func writtenRaw(v string, wildcard bool) bool {
	part := urlfor.Param("v")
	if wildcard {
		part = urlfor.Wildcard("v")
	}
	t, err := urlfor.NewTemplate("/x/", []urlfor.Part{urlfor.Literal("/x/"), part})
	if err != nil {
		panic(err)
	}
	u, err := t.Build("v", v)
	return err == nil && u == "/x/"+v
}

// fiberDialect says a pattern in fiber's syntax: ":name", "*" for the
// wildcard (c.Params key "*" or "*1"), and a constraint as an anchored regex
// (fiber's regex constraint is unanchored; the suite anchors).
func fiberDialect(p adaptertest.Pattern) (string, bool) {
	return adaptertest.Translate(p, func(name, re string, wildcard bool) (string, bool) {
		switch {
		case wildcard:
			return "*", true
		case re != "":
			return ":" + name + "<regex(^(?:" + re + ")$)>", true
		}
		return ":" + name, true
	})
}

// fiberKey is the key c.Params and URL know a neutral parameter by: the
// wildcard's is "*", as fiber's docs read it ("*1" is tested beside it).
func fiberKey(p adaptertest.Param) string {
	if p.Wildcard {
		return "*"
	}
	return p.Name
}

func newFiberApp(cfg fiber.Config, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	var opts []partyfiber.Option
	if o.Namespace != "" {
		opts = append(opts, partyfiber.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyfiber.InviteRoute(o.InviteRoute))
	}
	opts = append(opts, o.Kit...)
	app := fiber.New(cfg)
	h, err := partyfiber.Join(app, opts...) // first, as fiber apps should
	if err != nil {
		return nil, err
	}
	keys := map[string]string{} // neutral wildcard names -> "*"
	for _, r := range routes {
		pattern, _ := fiberDialect(r.Pattern)
		method := r.Method
		if method == "" {
			method = fiber.MethodGet
		}
		route := app.Add(method, pattern, fiberEcho(h, r))
		if r.Name != "" {
			route.Name(r.Name)
		}
		for _, p := range adaptertest.Params(r.Pattern) {
			keys[p.Name] = fiberKey(p)
		}
	}
	return &adaptertest.App{
		Handler: partyfiber.Handler(app),
		URL: func(name string, pairs ...string) (string, error) {
			pairs = append([]string(nil), pairs...)
			for i := 0; i < len(pairs); i += 2 {
				if k, ok := keys[pairs[i]]; ok {
					pairs[i] = k
				}
			}
			return h.URL(nil, name, pairs...)
		},
		JoinAgain: func() error {
			_, err := partyfiber.Join(app, opts...)
			return err
		},
	}, nil
}

// fiberEcho answers as the suite asks: Native is c.Params, Param is
// partyfiber.Param, Self and Absolute the handle's URL and AbsoluteURL
// for those values.
func fiberEcho(h *partyfiber.Handle, r adaptertest.Route) fiber.Handler {
	params := adaptertest.Params(r.Pattern)
	return func(c *fiber.Ctx) error {
		e := adaptertest.Echo{Route: r.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			v, err := partyfiber.Param(c, fiberKey(p))
			if err != nil {
				v = "error: " + err.Error()
			}
			e.Native[p.Name], e.Param[p.Name] = c.Params(fiberKey(p)), v
			pairs = append(pairs, fiberKey(p), v)
		}
		if r.Name != "" {
			e.Self = adaptertest.Outcome(h.URL(c, r.Name, pairs...))
			e.Absolute = adaptertest.Outcome(h.AbsoluteURL(c, r.Name, pairs...))
		}
		rec := httptest.NewRecorder()
		adaptertest.WriteEcho(rec, e)
		c.Set(fiber.HeaderContentType, rec.Header().Get("Content-Type"))
		return c.Status(rec.Code).Send(rec.Body.Bytes())
	}
}
