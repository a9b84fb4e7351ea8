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
// cannot be recovered with the documented unescaping, so it is refused.
var templateOptions = []urlfor.TemplateOption{urlfor.Unroutable("%")}

// noPercent constrains the wildcard for the same reason: urlfor checks
// Unroutable for parameters only, so the wildcard gets a regexp instead.
const noPercent = `[^%]*`

// parsePattern translates an echo route path into a urlfor template,
// following echo v4's Router.insert byte for byte:
//
//   - a path without a leading "/" gets one, and "" is "/" (echo's
//     normalizePathSlash);
//   - ":name" is a parameter whose name runs to the next "/" or the end
//     ("/:id.json" is one parameter named "id.json": echo has no literal
//     text after a parameter in a segment);
//   - "\:" is a literal ":" (echo drops the backslash);
//   - "*" is the wildcard, named "*", and matches the rest of the path; text
//     after it is never matched by echo's router, so such a pattern is an
//     error;
//   - everything else, a lone "\" included, is literal.
//
// A ":" with no name and text after "*" are reported as a *PatternError.
func parsePattern(pattern string) (*urlfor.Template, error) {
	path := pattern
	switch {
	case path == "":
		path = "/"
	case path[0] != '/':
		path = "/" + path
	}
	var parts []urlfor.Part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, urlfor.Literal(lit.String()))
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
			if name == "" {
				return nil, &PatternError{Pattern: pattern, Reason: `":" has no parameter name (write "\:" for a literal colon)`}
			}
			flush()
			parts = append(parts, urlfor.Param(name))
			i = end - 1
		case c == '*':
			if rest := path[i+1:]; rest != "" {
				return nil, &PatternError{Pattern: pattern, Reason: `echo's "*" matches the rest of the path, so the text ` + strconv.Quote(rest) + ` after it is never matched`}
			}
			flush()
			parts = append(parts, urlfor.Wildcard(wildcardParam).Matching(noPercent))
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	t, err := urlfor.NewTemplate(pattern, parts, templateOptions...)
	if err != nil {
		return nil, &PatternError{Pattern: pattern, Reason: err.Error(), err: err}
	}
	return t, nil
}
