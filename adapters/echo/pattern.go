package partyecho

import (
	"strconv"
	"strings"

	"github.com/partyline-go/partyline/urlfor"
)

// wildcardParam is the name echo gives the value of a "*" wildcard:
// handlers read it with c.Param("*"), and URLs take it under the key "*".
const wildcardParam = "*"

// templateOptions say how echo's router treats a value (see the package
// doc, "What a handler receives"): it routes on the raw path, so "%2F" and
// every other escape come back intact, and "/" needs no refusal; but when
// the URL's escaping is the one net/url would choose, the request has no
// RawPath, echo routes on the decoded path and hands decoded values, and
// url.PathUnescape then turns a literal "%" of the value into something
// else ("100%" fails, "%41" becomes "A"). "%" is the one byte whose value
// cannot be recovered with the documented unescaping, so it is refused,
// in parameters and in the wildcard.
var templateOptions = []urlfor.TemplateOption{urlfor.Unroutable("%")}

type tokenKind uint8

const (
	tokLiteral tokenKind = iota
	tokParam
	tokAny
)

// token is one piece of an echo route path as echo's router reads it:
// literal text (with "\:" already turned into ":"), a parameter (text is
// its name), or the wildcard.
type token struct {
	kind tokenKind
	text string
}

// tokenize reads an echo route path as echo v4's Router.insert does:
//
//   - a path without a leading "/" gets one, and "" is "/" (echo's
//     normalizePathSlash);
//   - ":name" is a parameter whose name runs to the next "/" or the end
//     ("/:id.json" is one parameter named "id.json": echo has no literal
//     text after a parameter in a segment);
//   - "\:" is a literal ":" (echo drops the backslash);
//   - "*" is the wildcard, and matches the rest of the path;
//   - everything else, a lone "\" included, is literal.
//
// The tokens are what echo matches, even for a path that cannot be built;
// problem then says why ("" when it can be): text after "*", which echo's
// router never matches, or a ":" without a name.
func tokenize(path string) (toks []token, problem string) {
	switch {
	case path == "":
		path = "/"
	case path[0] != '/':
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
			name := path[i+1 : end]
			if name == "" && problem == "" {
				problem = `":" has no parameter name (write "\:" for a literal colon)`
			}
			flush()
			toks = append(toks, token{tokParam, name})
			i = end - 1
		case c == '*':
			flush()
			toks = append(toks, token{tokAny, wildcardParam})
			if rest := path[i+1:]; rest != "" && problem == "" {
				problem = `echo's "*" matches the rest of the path, so the text ` + strconv.Quote(rest) + ` after it is never matched`
			}
			return toks, problem
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return toks, problem
}

// parsePattern translates an echo route path into a urlfor template (see
// tokenize). A path that cannot be built is a *PatternError.
func parsePattern(pattern string) (*urlfor.Template, error) {
	return compile(pattern, nil)
}

// compile is parsePattern with a regexp constraint per parameter or
// wildcard, by token index (see shadow.go).
func compile(pattern string, constraints map[int]string) (*urlfor.Template, error) {
	toks, problem := tokenize(pattern)
	if problem != "" {
		return nil, &PatternError{Pattern: pattern, Reason: problem}
	}
	parts := make([]urlfor.Part, len(toks))
	for i, tk := range toks {
		switch tk.kind {
		case tokLiteral:
			parts[i] = urlfor.Literal(tk.text)
		case tokParam:
			parts[i] = urlfor.Param(tk.text)
		case tokAny:
			parts[i] = urlfor.Wildcard(tk.text)
		}
		if c, ok := constraints[i]; ok {
			parts[i] = parts[i].Matching(c)
		}
	}
	t, err := urlfor.NewTemplate(pattern, parts, templateOptions...)
	if err != nil {
		return nil, &PatternError{Pattern: pattern, Reason: err.Error(), err: err}
	}
	return t, nil
}
