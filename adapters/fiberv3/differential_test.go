package partyfiberv3_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	partyfiberv3 "github.com/partyline-go/partyline/adapters/fiberv3"
	"github.com/partyline-go/partyline/urlfor"
)

// even is a custom constraint (fiber v3's CustomConstraint): a rival with
// it takes what the model cannot know, so every value is refused.
type even struct{}

func (even) Name() string { return "even" }
func (even) Execute(v string, _ ...string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n%2 == 0
}

// The model of fiber's precedence (siblings.go) against fiber over real
// HTTP: for every ordered pair of a rival and a route, registered in that
// order, and values generated from the rival's own literal (in other
// letter cases, cut into its prefix family, with samples after it) and
// the constraints' probes, a URL that builds reaches its own route, and a
// refusal is justified: the same URL, built in an app of the route alone,
// reaches the rival. The model over-approximates where diffLoose says (a
// prefix takes itself; fiber's regex is unanchored; escaped text is longer
// than its value; a rival reading two parameters in one segment), and
// such refusals are only logged.
var (
	diffRoutes = []string{"/items/:id", "/items/draft-:n", "/items/:id.json", "/items/:id/edit", "/items/*", "/items/:y<int>"}
	diffRivals = []string{
		"/items/new", "/items/NEW", "/items/new.json", "/items/new/edit", "/items/a%20b", "/items/draft-:n",
		"/items/draft-:n/edit", "/items/:id", "/items/:y<int>", "/items/:c<regex(^[a-z]+$)>", "/items/:s<alpha>",
		"/items/:b<bool>", "/items/:l<maxLen(3)>", "/items/:a-:b", "/items/*", "/items/+", "/items/:f.json",
		"/items/:e<even>", "/items/:u<regex(^[A-Z]+$)>", "/items/:m<min(100)>",
	}
	diffLoose = []string{"/items/draft-:n", "/items/draft-:n/edit", "/items/:c<regex(^[a-z]+$)>", "/items/:l<maxLen(3)>", "/items/:a-:b",
		"/items/:e<even>", "/items/:u<regex(^[A-Z]+$)>", "/items/:m<min(100)>"}
	diffProbes = []string{"x1", "7", "2024", "007", "+5", "-3", "true", "T", "a-b", "ab", "abcd", "x.json", "a b", "é", "8", "ABC", "abc", "150"}
)

// diffValues are the values tried beside rival.
func diffValues(rival string) []string {
	out := slices.Clone(diffProbes)
	lit := strings.TrimPrefix(rival, "/items/")
	lit = lit[:len(lit)-len(strings.TrimLeft(lit, "abcdefghijklmnopqrstuvwxyzNEW%20-./"))]
	lit, _ = url.PathUnescape(lit)
	if lit == "" {
		return out
	}
	for _, w := range []string{lit, strings.ToUpper(lit), strings.ToUpper(lit[:1]) + lit[1:]} {
		out = append(out, w, w+"1", w+"x", w+"1.json")
		if j := strings.IndexAny(w, "-./"); j > 0 {
			out = append(out, w[:j])
		}
	}
	return out
}

// diffKey is the key of route's parameter.
func diffKey(route string) string {
	switch {
	case strings.HasSuffix(route, "*"):
		return "*1"
	case strings.Contains(route, ":n"):
		return "n"
	case strings.Contains(route, ":y"):
		return "y"
	}
	return "id"
}

func TestSiblingsAgainstFiber(t *testing.T) {
	for ci, cfg := range []fiber.Config{{}, {CaseSensitive: true, StrictRouting: true, UnescapePath: true}} {
		type pair struct{ rival, route, at string }
		var pairs []pair
		var mounts []mount
		for ri, route := range diffRoutes {
			alone := fiber.New(cfg)
			alone.RegisterCustomConstraint(even{})
			partyfiberv3.Join(alone)
			alone.Get(route, named("route")).Name("route")
			mounts = append(mounts, mount{fmt.Sprintf("/a%d", ri), partyfiberv3.Handler(alone)})
			for _, rival := range diffRivals {
				if rival == route {
					continue
				}
				app := fiber.New(cfg)
				app.RegisterCustomConstraint(even{})
				partyfiberv3.Join(app)
				app.Get(rival, named("rival")).Name("rival")
				app.Get(route, named("route")).Name("route")
				p := pair{rival, route, fmt.Sprintf("/p%d", len(pairs))}
				pairs = append(pairs, p)
				mounts = append(mounts, mount{p.at, partyfiberv3.Handler(app)})
			}
		}
		party := newParty(t, mounts...)
		b, srv := urlfor.New(party), serve(t, party)
		for _, p := range pairs {
			alone := fmt.Sprintf("/a%d", slices.Index(diffRoutes, p.route))
			for _, v := range diffValues(p.rival) {
				u, err := b.URL(p.at[1:]+":route", diffKey(p.route), v)
				var pe *urlfor.ParamError
				switch {
				case errors.As(err, &pe) && pe.TakenBy != "":
					u0, err := b.URL(alone[1:]+":route", diffKey(p.route), v)
					if err != nil {
						continue
					}
					u0 = p.at + strings.TrimPrefix(u0, alone)
					if _, body, _ := get(t, nil, srv.URL+u0); body == "route" {
						report := t.Errorf
						if slices.Contains(diffLoose, p.rival) {
							report = t.Logf
						}
						report("config %d: %s, then %s: %q refused (taken by %q), but %s reaches the route", ci, p.rival, p.route, v, pe.TakenBy, u0)
					}
				case err == nil:
					if status, body, _ := get(t, nil, srv.URL+u); status != http.StatusOK || body != "route" {
						t.Errorf("config %d: %s, then %s: %q built %s, which reaches %d %q", ci, p.rival, p.route, v, u, status, body)
					}
				}
			}
		}
	}
}
