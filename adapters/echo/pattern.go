package partyecho

import (
	"strconv"
	"strings"

	"github.com/partyline-go/partyline/internal/echodialect"
	"github.com/partyline-go/partyline/urlfor"
)

type tokenKind uint8

const (
	tokLiteral tokenKind = iota
	tokParam
	tokAny
)

// token is one piece of an echo route path: literal text ("\:" turned into
// ":"), a parameter (text is its name), or the wildcard (named "*").
type token struct {
	kind tokenKind
	text string
}

// tokenize reads an echo route path as echo v4's Router.insert does: a
// path without a leading "/" gets one ("" is "/", normalizePathSlash);
// ":name" is a parameter whose name runs to the next "/" or the end; "\:"
// is a literal ":"; "*" is the wildcard, which matches the rest of the
// path; everything else is literal. problem says why a path cannot be
// built ("" when it can): text after "*", which echo never matches, or a
// ":" without a name.
func tokenize(path string) (toks []token, problem string) {
	if path == "" || path[0] != '/' {
		path = "/" + path
	}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			toks = append(toks, token{tokLiteral, lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '\\' && i+1 < len(path) && path[i+1] == ':':
			lit.WriteByte(':')
			i++
		case c == ':':
			end := i + 1
			for end < len(path) && path[end] != '/' {
				end++
			}
			if end == i+1 && problem == "" {
				problem = `":" has no parameter name (write "\:" for a literal colon)`
			}
			flush()
			toks = append(toks, token{tokParam, path[i+1 : end]})
			i = end - 1
		case c == '*':
			flush()
			if rest := path[i+1:]; rest != "" && problem == "" {
				problem = `echo's "*" matches the rest of the path, so the text ` + strconv.Quote(rest) + ` after it is never matched`
			}
			return append(toks, token{tokAny, "*"}), problem
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return toks, problem
}

// compile translates an echo route path into a urlfor template, with the
// values other routes take from each parameter or wildcard, by token index
// (shadow.go). A path that cannot be built is a *PatternError.
//
// echo matches static text as it is against the decoded path, or against
// the RawPath when the request has one (rawpath.go). Static text is
// written as net/url writes it ("/café" as "/caf%C3%A9"), so that a server
// decodes it back; text that this changes is never met in a RawPath, which
// "/" in a one-segment value would give the request: such a route refuses
// "/" in its parameters.
func compile(pattern string, taken map[int][]urlfor.Taken) (*urlfor.Template, error) {
	toks, problem := tokenize(pattern)
	if problem != "" {
		return nil, &PatternError{Pattern: pattern, Reason: problem}
	}
	parts := make([]urlfor.Part, len(toks))
	var opts []urlfor.TemplateOption
	for i, tk := range toks {
		switch tk.kind {
		case tokLiteral:
			w := echodialect.AsNetURL(tk.text)
			if w != tk.text && opts == nil {
				opts = []urlfor.TemplateOption{urlfor.Unroutable("/")}
			}
			parts[i] = urlfor.Literal(w)
		case tokParam:
			parts[i] = urlfor.Param(tk.text)
		case tokAny:
			parts[i] = urlfor.Wildcard(tk.text)
		}
		if t, ok := taken[i]; ok {
			parts[i] = parts[i].TakenBy(t...)
		}
	}
	t, err := urlfor.NewTemplate(pattern, parts, opts...)
	if err != nil {
		return nil, &PatternError{Pattern: pattern, Reason: err.Error(), err: err}
	}
	return t, nil
}
