package adaptertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// wireEcho is an [Echo] on the wire. Every string travels Go-quoted
// (strconv.Quote) inside the JSON string: encoding/json replaces invalid
// UTF-8 with U+FFFD, and the suite must see a value such as "\xff" exactly
// as the handler read it.
type wireEcho struct {
	Route  string            `json:"route"`
	Native map[string]string `json:"native"`
	Param  map[string]string `json:"param"`
	Self   string            `json:"self"`
	Abs    string            `json:"absolute"`
}

// WriteEcho answers a test request with e: status 200, Content-Type
// application/json, a JSON object with the fields of [Echo] ("route",
// "native", "param", "self", "absolute") in which every string, map values included,
// is Go-quoted (strconv.Quote) so that any bytes survive. Every route of a
// driver's app answers with it. A write error is ignored: the suite sees
// the broken response.
func WriteEcho(w http.ResponseWriter, e Echo) {
	wire := wireEcho{
		Route:  strconv.Quote(e.Route),
		Native: quoteAll(e.Native),
		Param:  quoteAll(e.Param),
		Self:   strconv.Quote(e.Self),
		Abs:    strconv.Quote(e.Absolute),
	}
	b, err := json.Marshal(wire)
	if err != nil {
		// Quoted strings are ASCII or valid UTF-8: Marshal cannot fail.
		panic("adaptertest: WriteEcho: " + err.Error())
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// Outcome is a build's result as Echo.Self and Echo.Absolute carry it: the
// URL, or the error's text when the build failed. A driver's handler
// writes e.Self = adaptertest.Outcome(h.URL(c, route, pairs...)).
func Outcome(u string, err error) string {
	if err != nil {
		return err.Error()
	}
	return u
}

// readEcho decodes what [WriteEcho] wrote.
func readEcho(body []byte) (Echo, error) {
	var wire wireEcho
	if err := json.Unmarshal(body, &wire); err != nil {
		return Echo{}, fmt.Errorf("not an Echo (answer with adaptertest.WriteEcho): %w", err)
	}
	var e Echo
	var err error
	if e.Route, err = strconv.Unquote(wire.Route); err != nil {
		return Echo{}, fmt.Errorf("route %s is not Go-quoted (answer with adaptertest.WriteEcho)", wire.Route)
	}
	if e.Self, err = strconv.Unquote(wire.Self); err != nil {
		return Echo{}, fmt.Errorf("self %s is not Go-quoted (answer with adaptertest.WriteEcho)", wire.Self)
	}
	if e.Absolute, err = strconv.Unquote(wire.Abs); err != nil {
		return Echo{}, fmt.Errorf("absolute %s is not Go-quoted (answer with adaptertest.WriteEcho)", wire.Abs)
	}
	if e.Native, err = unquoteAll(wire.Native); err != nil {
		return Echo{}, err
	}
	if e.Param, err = unquoteAll(wire.Param); err != nil {
		return Echo{}, err
	}
	return e, nil
}

func quoteAll(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = strconv.Quote(v)
	}
	return out
}

func unquoteAll(m map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(m))
	for k, v := range m {
		u, err := strconv.Unquote(v)
		if err != nil {
			return nil, fmt.Errorf("value of %q, %s, is not Go-quoted (answer with adaptertest.WriteEcho)", k, v)
		}
		out[k] = u
	}
	return out, nil
}
