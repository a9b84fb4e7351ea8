package partymux

import (
	"sync"

	"github.com/partyline-go/partyline/urlfor"
)

// maxHostParts is the number of parts of a host template urlfor writes
// from its fixed-size buffer (buildState.host [4]string).
const maxHostParts = 4

// hostValuesDropped reports whether urlfor loses the values of a host
// template of more than maxHostParts parts: its Route.write calls slot a
// second time, which allocates a fresh, empty slice for such templates,
// so "{v1}.{v2}.{v3}" is written "..". partymux then refuses those routes
// (a RouteError) rather than build wrong URLs. The check builds such a
// template once, so the workaround retires itself when urlfor is fixed.
var hostValuesDropped = sync.OnceValue(func() bool {
	host, err := urlfor.NewHostTemplate("{a}.{b}.{c}", []urlfor.Part{
		urlfor.Param("a"), urlfor.Literal("."), urlfor.Param("b"), urlfor.Literal("."), urlfor.Param("c"),
	})
	if err != nil {
		return true
	}
	path, err := urlfor.NewTemplate("/", []urlfor.Part{urlfor.Literal("/")})
	if err != nil {
		return true
	}
	r := urlfor.Route{Name: "probe", Pattern: "{a}.{b}.{c}/", Path: path, Host: host}
	u, err := r.Build("", &urlfor.Request{Pairs: []string{"a", "x", "b", "y", "c", "z"}})
	return err != nil || u != "http://x.y.z/"
})
