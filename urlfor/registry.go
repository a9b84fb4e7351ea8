package urlfor

import (
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/partyline-go/partyline/core"
)

// registry is the URL directory of one party, kept on the party with
// core.Party.Extension.
type registry struct {
	mu      sync.Mutex
	members atomic.Pointer[[]*Participant]
	gen     atomic.Uint64 // bumped when a member joins or its routes change
	dir     atomic.Pointer[directory]
}

type registryKey struct{}

func registryOf(party *core.Party) *registry {
	return party.Extension(registryKey{}, func() any {
		r := &registry{}
		r.members.Store(&[]*Participant{})
		return r
	}).(*registry)
}

func (reg *registry) add(p *Participant) {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	ms := append(slices.Clone(*reg.members.Load()), p)
	for _, m := range ms {
		if m.remote() {
			continue // its nested apps come from its manifest
		}
		var nested []string
		for _, o := range ms {
			if o != m && !o.remote() && strings.HasPrefix(o.prefix, m.prefix+"/") {
				nested = append(nested, o.prefix)
			}
		}
		if nested != nil {
			m.nested.Store(&nested)
		}
	}
	reg.members.Store(&ms)
	reg.gen.Add(1)
}

// directory maps every name a build may ask for, qualified ("blog:post")
// and bare ("post"), to its endpoint: one map lookup per URL, whatever the
// number of apps and routes. It is immutable; a new one replaces it when
// the registry's generation moves.
type directory struct {
	gen     uint64
	names   map[string]entry
	byNS    map[string]*Participant
	members []*Participant
}

type entry struct {
	p          *Participant
	r          *Route
	candidates []string // set when the name is ambiguous
}

// directory returns the current directory, rebuilding it if an app joined or
// changed its routes since it was built.
func (reg *registry) directory() *directory {
	gen := reg.gen.Load()
	if d := reg.dir.Load(); d != nil && d.gen == gen {
		return d
	}
	reg.mu.Lock()
	defer reg.mu.Unlock()
	gen = reg.gen.Load()
	if d := reg.dir.Load(); d != nil && d.gen == gen {
		return d
	}
	d := &directory{gen: gen, names: map[string]entry{}, byNS: map[string]*Participant{}, members: *reg.members.Load()}
	bare := map[string][]entry{}
	for _, p := range d.members {
		if p.namespace != "" {
			d.byNS[p.namespace] = p
		}
		t := p.table.Load()
		for i := range t.routes {
			r := &t.routes[i]
			if r.Name == "" {
				continue
			}
			e := entry{p: p, r: r}
			if dups, ok := t.dups[r.Name]; ok {
				if dups[0] != r {
					continue
				}
				e = entry{p: p, candidates: p.ambiguous(r.Name, dups).(*AmbiguousError).Candidates}
			}
			if p.namespace != "" {
				d.names[p.namespace+":"+r.Name] = e
			}
			bare[r.Name] = append(bare[r.Name], e)
		}
	}
	for name, es := range bare {
		if len(es) == 1 {
			d.names[name] = es[0]
			continue
		}
		var cands []string
		for _, e := range es {
			if e.r != nil {
				cands = append(cands, e.p.describe(e.r))
			} else {
				cands = append(cands, e.candidates...)
			}
		}
		slices.Sort(cands)
		d.names[name] = entry{candidates: cands}
	}
	reg.dir.Store(d)
	return d
}

// qualifiedNames yields every name the directory answers, for
// suggestions, in no particular order.
func (d *directory) qualifiedNames() iter.Seq[string] { return maps.Keys(d.names) }

// build resolves req.Name, local first when local is set, and builds it.
func (reg *registry) build(local *Participant, req *Request) (string, error) {
	p, r, err := reg.resolve(local, req.Name)
	if err != nil {
		return "", err
	}
	return p.build(r, req)
}

func (reg *registry) resolve(local *Participant, name string) (*Participant, *Route, error) {
	if name == "" {
		return nil, nil, badCall("empty endpoint name")
	}
	if local != nil && strings.IndexByte(name, ':') < 0 {
		t := local.table.Load()
		if r, ok := t.byName[name]; ok {
			return local, r, nil
		}
		if dups, ok := t.dups[name]; ok {
			return nil, nil, local.ambiguous(strings.Clone(name), dups)
		}
	}
	for retried := false; ; retried = true {
		d := reg.directory()
		if len(d.members) == 0 {
			return nil, nil, notInvited("no app has joined the party")
		}
		e, ok := d.names[name]
		switch {
		case ok && e.candidates != nil:
			return nil, nil, &AmbiguousError{Name: strings.Clone(name), Candidates: e.candidates}
		case ok:
			return e.p, e.r, nil
		case !retried:
			// Retry when the directory is stale, whoever made it so: a
			// concurrent miss may have re-read the routes, and our refresh
			// then finds nothing new.
			if reg.refresh(d, name); reg.gen.Load() != d.gen {
				continue
			}
		}
		// Errors keep a copy of name: were name to leak, the compiler
		// would move every Request, and the caller's pairs, to the heap.
		return nil, nil, &UnknownEndpointError{Name: strings.Clone(name), dir: d}
	}
}

// refresh re-reads the routes of the participants that could answer name
// (the namespace's app for a qualified name, every app for a bare one) and
// reports whether any table changed. A change moves reg.gen.
func (reg *registry) refresh(d *directory, name string) bool {
	changed := false
	if ns, _, ok := strings.Cut(name, ":"); ok {
		if p := d.byNS[ns]; p != nil {
			changed = p.refresh()
		}
	} else {
		for _, p := range d.members {
			changed = p.refresh() || changed
		}
	}
	return changed
}

func notInvited(why string) error {
	return &notInvitedError{why}
}

type notInvitedError struct{ why string }

func (e *notInvitedError) Error() string        { return "urlfor: not invited yet: " + e.why }
func (e *notInvitedError) Is(target error) bool { return target == ErrNotInvited }
