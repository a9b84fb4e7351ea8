package urlfor

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/core"
)

// ParseManifest reads a manifest written by [Builder.Manifest] (or served
// by [Builder.ManifestHandler]). A document that is not JSON, or whose
// "partyline" field is not [ManifestVersion], is an error wrapping
// [ErrBadCall].
func ParseManifest(data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, badCall("manifest: %v", err)
	}
	if m.Version != ManifestVersion {
		return nil, badCall("manifest: version %s, want %q", quote(m.Version), ManifestVersion)
	}
	return &m, nil
}

// Remote is the apps of another service, known from its manifest, as
// participants of a party: their endpoints are asked for like local ones
// ("billing:invoice"), with the same errors and suggestions, and build
// absolute URLs on the service's origin. Make one with [Builder.AddRemote].
// It is safe for concurrent use.
type Remote struct {
	reg    *registry
	origin Origin
	mu     sync.Mutex              // serialises Reload
	apps   map[string]*Participant // by namespace
}

// AddRemote makes the endpoints of a manifest from another service
// (data, as [ParseManifest] reads it) participants of b's party. origin is
// where that service is reached ("https://billing.example.com"); "" takes
// the manifest's own origin. Every URL of a remote endpoint is absolute on
// it, except for routes with a host of their own. A namespace of the
// manifest that an app of the party already has is an error wrapping
// [ErrBadCall], as are a malformed manifest or origin and a builder
// without a party; nothing is added then.
func (b *Builder) AddRemote(data []byte, origin string) (*Remote, error) {
	if b.reg == nil {
		return nil, badCall("AddRemote: the builder has no party")
	}
	m, err := ParseManifest(data)
	if err != nil {
		return nil, err
	}
	if origin == "" {
		origin = m.Origin
	}
	o, err := ParseOrigin(origin)
	if err != nil {
		return nil, err
	}
	tables, err := remoteTables(m, o)
	if err != nil {
		return nil, err
	}
	rm := &Remote{reg: b.reg, origin: o, apps: map[string]*Participant{}}
	d := b.reg.directory()
	for ns := range tables {
		if d.byNS[ns] != nil || ns == "" && hasBare(d) {
			return nil, badCall("AddRemote: namespace %s is already on the party", quote(ns))
		}
	}
	for _, ns := range slices.Sorted(maps.Keys(tables)) {
		p := &Participant{reg: b.reg, namespace: ns, prefix: tables[ns].prefix, framework: tables[ns].framework}
		p.guard.Store(core.NewInviteGuard(m.InvitePaths))
		if nested := tables[ns].nested; len(nested) > 0 {
			p.nested.Store(&nested)
		}
		src := &remoteSource{}
		src.routes.Store(&tables[ns].routes)
		p.source = src
		p.refresh()
		rm.apps[ns] = p
		b.reg.add(p)
	}
	return rm, nil
}

// AddRemoteFile is [Builder.AddRemote] with the manifest read from a file.
func (b *Builder) AddRemoteFile(path, origin string) (*Remote, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, badCall("AddRemoteFile: %v", err)
	}
	return b.AddRemote(data, origin)
}

// Reload replaces the remote apps' endpoints with those of data, each
// app's at once (a build sees the old table or the new one, never a mix);
// an app the new manifest lacks keeps no endpoint, and one it adds is
// refused (add it with AddRemote). A manifest that does not parse, has an
// unknown version or a route that does not compile is an error, and the
// previous endpoints stay.
func (rm *Remote) Reload(data []byte) error {
	m, err := ParseManifest(data)
	if err != nil {
		return err
	}
	tables, err := remoteTables(m, rm.origin)
	if err != nil {
		return err
	}
	rm.mu.Lock()
	defer rm.mu.Unlock()
	for ns := range tables {
		if rm.apps[ns] == nil {
			return badCall("Reload: namespace %s is new; add it with AddRemote", quote(ns))
		}
	}
	guard := core.NewInviteGuard(m.InvitePaths)
	for ns, p := range rm.apps {
		routes, nested := []Route{}, []string(nil)
		if t := tables[ns]; t != nil {
			routes, nested = t.routes, t.nested
		}
		p.guard.Store(guard)
		p.nested.Store(&nested)
		p.source.(*remoteSource).routes.Store(&routes)
		p.Refresh()
	}
	return nil
}

// Namespaces lists the remote apps, sorted.
func (rm *Remote) Namespaces() []string { return slices.Sorted(maps.Keys(rm.apps)) }

// remoteSource is a remote app's routes, swapped whole by Reload. It is
// not Versioned: a miss re-reads it within the budget, and it is cheap.
type remoteSource struct{ routes atomic.Pointer[[]Route] }

func (s *remoteSource) Routes() []Route { return *s.routes.Load() }

type remoteTable struct {
	prefix, framework string
	nested            []string
	routes            []Route
}

// remoteTables compiles a manifest's endpoints into routes, by namespace,
// each on origin unless it has a host of its own.
func remoteTables(m *Manifest, o Origin) (map[string]*remoteTable, error) {
	hostTpl, err := NewHostTemplate(o.Host, []Part{Literal(o.Host)})
	if err != nil {
		return nil, err
	}
	out := map[string]*remoteTable{}
	for _, name := range m.sortedNames() {
		e := m.Endpoints[name]
		local := name
		if e.Namespace != "" {
			var ok bool
			if local, ok = strings.CutPrefix(name, e.Namespace+":"); !ok {
				return nil, badCall("manifest: endpoint %s is not in its namespace %s", quote(name), quote(e.Namespace))
			}
		}
		t := out[e.Namespace]
		if t == nil {
			t = &remoteTable{prefix: e.Prefix, framework: e.Framework}
			out[e.Namespace] = t
		}
		for _, n := range e.Nested {
			if !slices.Contains(t.nested, n) {
				t.nested = append(t.nested, n)
			}
		}
		if e.Prefix != t.prefix {
			return nil, badCall("manifest: endpoint %s has mount prefix %s, its app %s", quote(name), quote(e.Prefix), quote(t.prefix))
		}
		r, err := importRoute(local, e, hostTpl, o.Scheme)
		if err != nil {
			return nil, fmt.Errorf("manifest: endpoint %s: %w", quote(name), err)
		}
		t.routes = append(t.routes, r...)
	}
	return out, nil
}

// importRoute is the Route an exported endpoint came from (two of the same
// name for an ambiguous one, so that it stays ambiguous).
func importRoute(local string, e *ManifestEndpoint, host *Template, scheme string) ([]Route, error) {
	r := Route{Name: local, Pattern: e.Pattern, Host: host, Scheme: scheme}
	if len(e.Methods) == 1 {
		r.Method = e.Methods[0]
	}
	switch {
	case len(e.Ambiguous) > 0:
		return []Route{r, r}, nil
	case e.Error != "":
		r.Err = fmt.Errorf("%s", e.Error)
		return []Route{r}, nil
	}
	var opts []TemplateOption
	if e.Unroutable != "" {
		opts = append(opts, Unroutable(e.Unroutable))
	}
	if e.Backtracks {
		opts = append(opts, Backtracking())
	}
	var err error
	if r.Path, err = NewTemplate(e.Pattern, importParts(e.Path), opts...); err != nil {
		return nil, err
	}
	if len(e.HostParts) > 0 {
		if r.Host, err = NewHostTemplate(e.Host, importParts(e.HostParts)); err != nil {
			return nil, err
		}
		r.Scheme = e.Scheme
	}
	for _, q := range e.Query {
		qp, err := NewQueryParam(q.Key, importPart(q.Value))
		if err != nil {
			return nil, err
		}
		r.Query = append(r.Query, qp)
	}
	return []Route{r}, nil
}

func importParts(mps []ManifestPart) []Part {
	out := make([]Part, len(mps))
	for i, mp := range mps {
		out[i] = importPart(mp)
	}
	return out
}

func importPart(mp ManifestPart) Part {
	var p Part
	switch mp.Kind {
	case "param":
		p = Param(mp.Text)
	case "wildcard":
		p = Wildcard(mp.Text)
	default:
		return Literal(mp.Text)
	}
	if mp.Pattern != "" {
		p = p.Matching(mp.Pattern)
	}
	if mp.Optional {
		p = p.Optional()
	}
	if mp.Slashed {
		p = p.SlashPrefixed()
	}
	if mp.Alias != "" {
		p = p.Alias(mp.Alias)
	}
	for _, t := range mp.Taken {
		p = p.TakenBy(Taken{By: t.By, Values: t.Values, Prefixes: t.Prefixes, Proper: t.Proper, Matching: t.Matching, NonEmpty: t.NonEmpty, Fold: t.Fold})
	}
	return p
}

func hasBare(d *directory) bool {
	for _, p := range d.members {
		if p.namespace == "" {
			return true
		}
	}
	return false
}
