package partymux

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// probeMode finds whether rt matches the decoded path (mux's default) or
// the escaped one (UseEncodedPath, copied into each route as it is made).
// mux has no getter: the route is asked with a request it matches
// ([sampleRequest]) and the same with the first "/" escaped, which only a
// decoded-path route still matches. modeUnknown when none matches.
func probeMode(rt *mux.Route, s spec, toks []adapterkit.Token) pathMode {
	req := sampleRequest(rt, s, toks)
	if req == nil || !s.hasPath {
		return modeUnknown
	}
	u := req.URL
	raw := "%2F" + escapeLiteral(u.Path[1:])
	if rt.Match(probeRequest(req.Method, u.Scheme, req.Host, u.Path, raw, u.RawQuery), &mux.RouteMatch{}) {
		return modeDecoded
	}
	return modeEncoded
}

// sampleRequest returns a request rt matches, made from its templates
// (toks: its path's) with sample values; nil when it matches none (a
// Headers or MatcherFunc matcher, a BuildOnly route): the router cannot be
// asked about it.
func sampleRequest(rt *mux.Route, s spec, toks []adapterkit.Token) *http.Request {
	path, ok := spellSample(toks, defaultPathPattern)
	if !s.hasPath {
		path = "/"
	}
	host := "localhost"
	if u, hostOK := sampleHost(rt, s.host); s.host != "" {
		host, ok = u.Host, ok && hostOK
	}
	method := http.MethodGet
	if len(s.methods) > 0 {
		method = s.methods[0]
	}
	q := url.Values{}
	for _, tpl := range s.queries {
		key, value, _ := strings.Cut(tpl, "=")
		vtoks, err := parseTemplate(value)
		v, vOK := spellSample(vtoks, defaultQueryPattern)
		ok = ok && vOK && err == nil
		q.Add(key, v)
	}
	raw, err := url.PathUnescape(path)
	for _, scheme := range []string{"http", "https"} {
		req := probeRequest(method, scheme, host, path, "", q.Encode())
		if ok && rt.Match(req, &mux.RouteMatch{}) {
			return req
		}
		if req = probeRequest(method, scheme, host, raw, path, q.Encode()); ok && err == nil && raw != path && rt.Match(req, &mux.RouteMatch{}) {
			return req
		}
	}
	return nil
}

// probeRequest is a server request, as mux sees one.
func probeRequest(method, scheme, host, path, rawPath, query string) *http.Request {
	u := &url.URL{Scheme: scheme, Host: host, Path: path, RawPath: rawPath, RawQuery: query}
	return &http.Request{Method: method, URL: u, Host: host, Header: http.Header{}, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, RequestURI: u.RequestURI()}
}

// samples memoizes sampleOf for the patterns of the process's routes.
var samples sync.Map

type sample struct {
	text string
	ok   bool
}

// sampleOf is [adapterkit.Sample], and whether there is one ("" may be).
func sampleOf(re string) (string, bool) {
	if v, ok := samples.Load(re); ok {
		return v.(sample).text, v.(sample).ok
	}
	s := sample{text: adapterkit.Sample(re), ok: true}
	if s.text == "" {
		s.ok, _ = regexp.MatchString(`^(?:`+re+`)$`, "")
	}
	samples.Store(re, s)
	return s.text, s.ok
}

// spellSample spells toks with a sample of each variable.
func spellSample(toks []adapterkit.Token, def string) (string, bool) {
	var b strings.Builder
	for _, t := range toks {
		v, ok := t.Literal, true
		if isVar(t) {
			v, ok = sampleOf(patternOr(t, def))
		}
		if !ok {
			return "", false
		}
		b.WriteString(v)
	}
	return b.String(), true
}

// samplePairs returns pairs with a sample of each variable of toks.
func samplePairs(toks []adapterkit.Token, def string) ([]string, bool) {
	var pairs []string
	for _, t := range toks {
		if !isVar(t) || t.Param == RestParam {
			continue
		}
		v, ok := sampleOf(patternOr(t, def))
		if !ok {
			return nil, false
		}
		pairs = append(pairs, t.Param, v)
	}
	return pairs, true
}

// sampleHost asks mux to build the route's host with sample values.
func sampleHost(rt *mux.Route, tpl string) (*url.URL, bool) {
	toks, err := parseTemplate(tpl)
	pairs, ok := samplePairs(toks, defaultHostPattern)
	if err != nil || !ok {
		return &url.URL{}, false
	}
	u, err := rt.URLHost(pairs...)
	if err != nil {
		return &url.URL{}, false
	}
	return u, true
}

// buildScheme returns the scheme mux gives a host route (the first of its
// unexported Schemes), "" for "http" so that AbsoluteURL keeps the
// request's.
func buildScheme(rt *mux.Route, hostTpl string) string {
	if u, ok := sampleHost(rt, hostTpl); ok && u.Scheme != "http" {
		return u.Scheme
	}
	return ""
}
