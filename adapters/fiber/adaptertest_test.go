package partyfiber_test

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/gofiber/fiber/v2"
	partyfiber "github.com/partyline-go/partyline/adapters/fiber"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
	"github.com/partyline-go/partyline/urlfor/adaptertest"
)

// TestConformance runs the adapter conformance suite on partyfiber, with
// fiber's default Config (raw path, case-insensitive, not strict).
func TestConformance(t *testing.T) { adaptertest.Run(t, fiberDriver) }

var fiberDriver = adaptertest.Driver{
	Framework: "fiber v2",
	Dialect:   fiberDialect,
	NewApp:    newFiberApp,
	// c.Params hands the raw path text (UnescapePath false): exact for the
	// values urlfor writes unescaped ("/" kept between a wildcard's
	// segments). Issue 13 adds an exact partyfiber.Param.
	NativeExact: func(v string, wildcard bool) bool {
		for _, r := range v {
			if !adapterkit.RawSegmentRunes.Contains(r) && !(wildcard && r == '/') {
				return false
			}
		}
		return true
	},
}

// fiberDialect says a pattern in fiber's syntax: ":name", "*" for the
// wildcard (c.Params key "*1"), and a constraint as an anchored regex
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

// fiberKey is the key c.Params and URL know a neutral parameter by.
func fiberKey(p adaptertest.Param) string {
	if p.Wildcard {
		return "*1"
	}
	return p.Name
}

func newFiberApp(_ testing.TB, routes []adaptertest.Route, o adaptertest.Options) (*adaptertest.App, error) {
	var opts []partyfiber.Option
	if o.Namespace != "" {
		opts = append(opts, partyfiber.Namespace(o.Namespace))
	}
	if o.InviteRoute != "" {
		opts = append(opts, partyfiber.InviteRoute(o.InviteRoute))
	}
	app := fiber.New()
	h, err := partyfiber.Join(app, opts...) // first, as fiber apps should
	if err != nil {
		return nil, err
	}
	keys := map[string]string{} // neutral wildcard names -> "*1"
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

// fiberEcho answers as the suite asks: Native is c.Params, Param the value
// the package doc tells handlers to read (url.PathUnescape of c.Params),
// Self the handle's URL for those values.
func fiberEcho(h *partyfiber.Handle, r adaptertest.Route) fiber.Handler {
	params := adaptertest.Params(r.Pattern)
	return func(c *fiber.Ctx) error {
		e := adaptertest.Echo{Route: r.Name, Native: map[string]string{}, Param: map[string]string{}}
		var pairs []string
		for _, p := range params {
			raw := c.Params(fiberKey(p))
			v, err := url.PathUnescape(raw)
			if err != nil {
				v = raw
			}
			e.Native[p.Name], e.Param[p.Name] = raw, v
			pairs = append(pairs, fiberKey(p), v)
		}
		if r.Name != "" {
			if u, err := h.URL(c, r.Name, pairs...); err != nil {
				e.Self = err.Error()
			} else {
				e.Self = u
			}
		}
		rec := httptest.NewRecorder()
		adaptertest.WriteEcho(rec, e)
		c.Set(fiber.HeaderContentType, rec.Header().Get("Content-Type"))
		return c.Status(rec.Code).Send(rec.Body.Bytes())
	}
}
