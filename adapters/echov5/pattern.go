package partyechov5

import (
	"fmt"
	"strings"

	"github.com/labstack/echo/v5"
	"github.com/partyline-go/partyline/internal/echodialect"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// tokenize reads a route path as echo's own parser does, by asking it:
// RouteInfo.Reverse writes the static text of the path and the i-th value
// where the i-th of RouteInfo.Parameters stands (":id" up to "/" or to an
// inline verb "\:cancel", "\:" as ":", the wildcard "*..." up to "/", named
// "*"), so a NUL per parameter splits the path into literals. problem
// says why the path cannot be built, "" when it can.
func tokenize(ri echo.RouteInfo) (toks []adapterkit.Token, problem string) {
	marks := make([]any, len(ri.Parameters))
	for i := range marks {
		marks[i] = "\x00"
	}
	lits := strings.Split(normalize(ri.Reverse(marks...)), "\x00")
	if len(lits) != len(marks)+1 {
		return nil, "a NUL byte in the path"
	}
	for i, lit := range lits {
		if lit != "" && i > 0 && ri.Parameters[i-1] == "*" {
			return toks, fmt.Sprintf("echo's router stops at the wildcard, so %q after it is never matched", lit)
		} else if lit != "" {
			toks = append(toks, adapterkit.Lit(lit))
		}
		if i < len(marks) {
			toks = append(toks, adapterkit.Token{Param: ri.Parameters[i], Wildcard: ri.Parameters[i] == "*"})
		}
	}
	return toks, ""
}

// normalize is echo's normalizePathSlash: a path gets a leading "/".
func normalize(path string) string {
	return cmpOr(strings.HasPrefix(path, "/"), path, "/"+path)
}

// compile makes the urlfor template of a route path, with the values other
// routes take by token index. Where the router matches the decoded path
// (decodedPath), a "%2F" in a parameter would be a "/": refused. Static
// text is written as net/url writes it ("/café" as "/caf%C3%A9"), which
// the router meets in the decoded path; text that this changes ("/café",
// "/c d", "/c%20d") is never met in a RawPath, which "%2F" would give the
// request: such a route refuses "/" in its parameters too. A path that
// cannot be built is an error matching urlfor.ErrInvalidTemplate.
func compile(path string, toks []adapterkit.Token, problem string, taken map[int][]urlfor.Taken, m mode) (*urlfor.Template, error) {
	if problem != "" {
		return nil, fmt.Errorf("%s: echo pattern %q: %s: %w", pkg, path, problem, urlfor.ErrInvalidTemplate)
	}
	parts, slash := make([]urlfor.Part, len(toks)), m == decodedPath
	for i, tk := range toks {
		switch {
		case tk.Wildcard:
			parts[i] = urlfor.Wildcard(tk.Param)
		case tk.Literal == "":
			parts[i] = urlfor.Param(tk.Param)
		default:
			w := echodialect.AsNetURL(tk.Literal)
			parts[i], slash = urlfor.Literal(w), slash || w != tk.Literal
		}
		if t := taken[i]; t != nil {
			parts[i] = parts[i].TakenBy(t...)
		}
	}
	t, err := urlfor.NewTemplate(path, parts, cmpOr(slash, []urlfor.TemplateOption{urlfor.Unroutable("/")}, nil)...)
	if err != nil {
		return nil, fmt.Errorf("%s: echo pattern %q: %w", pkg, path, err)
	}
	return t, nil
}
