package urlfor

import (
	"slices"

	"github.com/partyline-go/partyline/core"
)

// Builder builds URLs for the endpoints of every app of a party. It is safe
// for concurrent use and cheap to copy around; make it once with [New].
type Builder struct {
	reg *registry
}

// New returns the Builder of party p. Apps may join p before or after: the
// builder sees them as they do. A nil p gives a builder whose every call
// fails with [ErrNotInvited].
func New(p *core.Party) *Builder {
	if p == nil {
		return &Builder{}
	}
	return &Builder{reg: registryOf(p)}
}

// URL builds the URL of an endpoint. name is qualified ("blog:post": the app
// whose namespace is blog) or bare ("post": the one app that has it, else an
// [*AmbiguousError] listing the candidates). pairs are key, value, key,
// value...: the route's parameters, and the rest become the query string,
// sorted by key. The URL carries the app's mount prefix: "/blog/posts/7".
// Escaping and refusals are [Route.Build]'s. Errors: [ErrBadCall] (empty
// name, odd pairs), [*UnknownEndpointError] (with "did you mean"),
// [*AmbiguousError], [*ParamError], [ErrNotInvited] when no app joined.
func (b *Builder) URL(name string, pairs ...string) (string, error) {
	return b.Build(&Request{Name: name, Pairs: pairs})
}

// Build is [Builder.URL] with the options of a [Request]: a fragment, and an
// [Origin] for an absolute URL.
func (b *Builder) Build(req *Request) (string, error) {
	if b.reg == nil {
		return "", notInvited("the builder has no party")
	}
	return b.reg.build(nil, req)
}

// Endpoint describes one endpoint of the party, for listings.
type Endpoint struct {
	Name        string // what to ask for: "blog:post", or "post" for an app without namespace
	Namespace   string
	MountPrefix string
	Framework   string
	Route       *Route
}

// Endpoints lists every named endpoint of every app, in join order, then in
// the order each app reported its routes.
func (b *Builder) Endpoints() []Endpoint {
	if b.reg == nil {
		return nil
	}
	var out []Endpoint
	for _, p := range b.reg.directory().members {
		routes := p.Routes()
		for i := range routes {
			r := &routes[i]
			if r.Name == "" {
				continue
			}
			out = append(out, Endpoint{Name: p.qualify(r.Name), Namespace: p.namespace, MountPrefix: p.prefix, Framework: p.framework, Route: r})
		}
	}
	return out
}

// Participants returns the apps that joined, in join order.
func (b *Builder) Participants() []*Participant {
	if b.reg == nil {
		return nil
	}
	return slices.Clone(*b.reg.members.Load())
}
