package partymux

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/mux"
)

// probeMode finds whether rt matches the decoded path (mux's default) or
// the escaped one (Router.UseEncodedPath, copied into each route when it
// is created, so one router may hold both). mux has no getter for it, so
// partymux asks the route itself: it builds a request the route matches
// (a path generated from the route's regexp, its host, first method and
// queries) and the same request whose escaped path spells the first "/"
// as "%2F". A route matching the decoded path matches both; one matching
// the escaped path only the first. A route that matches neither (a
// Headers or MatcherFunc matcher, a BuildOnly route) is modeUnknown.
func probeMode(rt *mux.Route, s spec) pathMode {
	pathRe, err := rt.GetPathRegexp()
	if err != nil {
		return modeUnknown
	}
	path, ok := sample(pathRe)
	if !ok || !strings.HasPrefix(path, "/") {
		return modeUnknown
	}
	host := "localhost"
	if s.hasHost {
		if host, ok = sampleHost(s.host); !ok {
			return modeUnknown
		}
	}
	method := http.MethodGet
	if len(s.methods) > 0 {
		method = s.methods[0]
	}
	query, ok := sampleQuery(rt)
	if !ok {
		return modeUnknown
	}
	for _, scheme := range []string{"http", "https"} {
		if !rt.Match(probeRequest(method, scheme, host, path, "", query), &mux.RouteMatch{}) {
			continue
		}
		raw := "%2F" + escapeLiteral(path[1:])
		if rt.Match(probeRequest(method, scheme, host, path, raw, query), &mux.RouteMatch{}) {
			return modeDecoded
		}
		return modeEncoded
	}
	return modeUnknown
}

func probeRequest(method, scheme, host, path, rawPath, query string) *http.Request {
	u := &url.URL{Scheme: scheme, Host: host, Path: path, RawPath: rawPath, RawQuery: query}
	return &http.Request{Method: method, URL: u, Host: host, Header: http.Header{}, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, RequestURI: u.RequestURI()}
}

// sample returns a text the regexp re matches, if generate finds one.
func sample(re string) (string, bool) {
	parsed, err := parseRegexp(re)
	if err != nil {
		return "", false
	}
	text, ok := generate(parsed)
	if !ok {
		return "", false
	}
	// rt.Match checks the sample: a text the route does not match makes
	// probeMode answer modeUnknown, as a failed check here would.
	return text, true
}

// sampleHost fills a host template with sample values.
func sampleHost(tpl string) (string, bool) {
	pairs, ok := hostSamples(tpl)
	if !ok {
		return "", false
	}
	toks, _ := parseTemplate(tpl)
	var b strings.Builder
	for _, t := range toks {
		if !t.isVar() {
			b.WriteString(t.lit)
			continue
		}
		for i := 0; i < len(pairs); i += 2 {
			if pairs[i] == t.name {
				b.WriteString(pairs[i+1])
			}
		}
	}
	return b.String(), true
}

// hostSamples returns name, value pairs of sample values for the
// variables of a host template.
func hostSamples(tpl string) ([]string, bool) {
	toks, err := parseTemplate(tpl)
	if err != nil {
		return nil, false
	}
	var pairs []string
	for _, t := range toks {
		if !t.isVar() {
			continue
		}
		pattern := t.pattern
		if pattern == "" {
			pattern = defaultHostPattern
		}
		v, ok := sample("^(?:" + pattern + ")$")
		if !ok {
			return nil, false
		}
		pairs = append(pairs, t.name, v)
	}
	return pairs, true
}

// sampleQuery returns a query string the route's query matchers accept.
func sampleQuery(rt *mux.Route) (string, bool) {
	res, err := rt.GetQueriesRegexp()
	if err != nil {
		return "", true // no queries
	}
	q := url.Values{}
	for _, re := range res {
		text, ok := sample(re)
		if !ok {
			return "", false
		}
		k, v, _ := strings.Cut(text, "=")
		q.Add(k, v)
	}
	return q.Encode(), true
}

// buildScheme returns the scheme mux's URL gives a host route: the first
// of its Schemes, which mux keeps unexported. partymux asks mux to build
// the route's host with sample values and reads the scheme back. "http",
// mux's default, is returned as "" so that AbsoluteURL keeps the
// request's scheme (urlfor uses "http" for a plain URL).
func buildScheme(rt *mux.Route, hostTpl string) string {
	pairs, ok := hostSamples(hostTpl)
	if !ok {
		return ""
	}
	u, err := rt.URLHost(pairs...)
	if err != nil || u.Scheme == "http" {
		return ""
	}
	return u.Scheme
}
