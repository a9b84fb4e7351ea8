package urlfor

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/partyline-go/partyline/core"
)

// Service is the name of the service every participant connects: the
// payload is a *Request (or a Request), the answer a URL string carrying the
// participant's mount prefix. A participant that does not have the endpoint
// is high and dry; one that has it but cannot build it answers the error.
const Service = "url_for"

// Source is an app's live route table, read by its adapter from the
// framework. Routes is called when the app joins and again when a name is
// not found (so routes added after the invitation are found); it must be safe
// for concurrent use.
type Source interface {
	Routes() []Route
}

// SourceFunc adapts a function to a [Source].
type SourceFunc func() []Route

// Routes calls f.
func (f SourceFunc) Routes() []Route { return f() }

// Versioned is a [Source] that can tell cheaply whether its routes changed
// (echo's OnAddRouteHandler, fiber's OnRoute hook, a registering wrapper).
// A participant then re-reads Routes on a miss only when RoutesVersion moved,
// so that a failing build stays cheap. Without it (gin, gorilla/mux and chi
// tell nobody when a route is added), a miss re-reads the table, O(routes),
// within a budget (see [Participant.Refresh]): the first three misses in a
// row re-read at once, later ones only as far as re-reading stays under a
// tenth of the wall time, so that a stream of unknown names cannot keep the
// CPU walking route tables.
type Versioned interface {
	Source
	RoutesVersion() uint64
}

// Config is what an adapter says about its app when it joins.
type Config struct {
	// Namespace qualifies the app's endpoints: "blog" in "blog:post". Empty
	// means the mount prefix without its leading "/" ("/blog" gives "blog",
	// "/api/v1" gives "api/v1"); the app at the root then has no namespace
	// and is reached by bare names only. It must not contain ":".
	Namespace string
	// InviteRoute is the invite route the app registered locally;
	// [core.DefaultInvitePath] when empty. The mount prefix is the invite
	// path minus this route ([core.MountPrefix]).
	InviteRoute string
	// Framework names the framework, for listings: "echo", "gin".
	Framework string
	// Adapter is the adapter's package name ("partychi"), which starts the
	// reason a [Member] gives when it declines an invitation; optional.
	Adapter string
	// Source is the app's live route table. Required.
	Source Source
}

// Participant is one app's membership in the URL directory of a party. An
// adapter makes it with [Join] when its invite route accepts an invitation
// and builds its app's URLs through it, local names first. It is safe for
// concurrent use.
type Participant struct {
	op        *core.Operator
	reg       *registry
	namespace string
	prefix    string
	framework string
	source    Source

	table     atomic.Pointer[table]
	nested    atomic.Pointer[[]string]         // mount prefixes of the apps mounted inside this one
	guard     atomic.Pointer[core.InviteGuard] // a remote app\'s party\'s invite paths, from its manifest
	refreshMu sync.Mutex
	version   uint64       // of a Versioned source, at the last read; under refreshMu
	budget    rereadBudget // for misses on an unversioned source; under refreshMu
}

// Re-reading an unversioned source on a miss costs O(routes): 3 ms for
// chi at 1000 routes, 10,000 times a build. The budget is a token bucket
// sized in re-reads: rereadBurst at most, refilled at one per rereadShare
// times the last read's duration of wall time. A route added late is thus
// found by the first miss when the app has been quiet, and otherwise within
// rereadShare times one read (about 0.2 ms at 10 routes, 30 ms at 1000).
const (
	rereadBurst = 3
	rereadShare = 10
)

type rereadBudget struct {
	spent  float64       // re-reads taken and not yet refilled, 0..rereadBurst
	last   time.Time     // when spent was last brought up to date
	costly time.Duration // how long the last read took
}

// take reports whether a re-read may happen now, and counts it.
func (b *rereadBudget) take(now time.Time) bool {
	if b.costly > 0 && !b.last.IsZero() {
		b.spent = max(0, b.spent-float64(now.Sub(b.last))/float64(rereadShare*b.costly))
	}
	b.last = now
	if b.spent > rereadBurst-1 {
		return false
	}
	b.spent++
	return true
}

// table is an immutable snapshot of one participant's routes.
type table struct {
	byName map[string]*Route // unique names
	dups   map[string][]*Route
	routes []Route
}

func newTable(routes []Route) *table {
	t := &table{byName: make(map[string]*Route, len(routes)), routes: routes}
	for i := range t.routes {
		r := &t.routes[i]
		if r.Name == "" {
			continue
		}
		if prev, ok := t.byName[r.Name]; ok {
			if t.dups == nil {
				t.dups = map[string][]*Route{}
			}
			if len(t.dups[r.Name]) == 0 {
				t.dups[r.Name] = append(t.dups[r.Name], prev)
			}
			t.dups[r.Name] = append(t.dups[r.Name], r)
			continue
		}
		t.byName[r.Name] = r
	}
	for name := range t.dups {
		delete(t.byName, name)
	}
	return t
}

// Join makes op's app a participant: it identifies the operator (namespace
// and mount prefix, see [core.Operator.Identify]), reads the routes, connects
// the [Service] handler and enters the party's directory. Call it from the
// invite route once [core.AcceptInvitation] succeeded. Errors: a namespace
// with ":" or already taken, an invite route that does not fit the invite
// path, a nil Source.
func Join(op *core.Operator, cfg Config) (*Participant, error) {
	if cfg.Source == nil {
		return nil, badCall("Join: Config.Source is nil")
	}
	if cfg.InviteRoute == "" {
		cfg.InviteRoute = core.DefaultInvitePath
	}
	prefix, err := core.MountPrefix(op.InvitePath(), cfg.InviteRoute)
	if err != nil {
		return nil, err
	}
	ns := cfg.Namespace
	if ns == "" {
		ns = strings.TrimPrefix(prefix, "/")
	}
	if strings.Contains(ns, ":") {
		return nil, badCall("namespace %q contains \":\"", ns)
	}
	if err := op.Identify(ns, cfg.InviteRoute); err != nil {
		return nil, err
	}
	p := &Participant{
		op:        op,
		reg:       registryOf(op.Party()),
		namespace: ns,
		prefix:    prefix,
		framework: cfg.Framework,
		source:    cfg.Source,
	}
	p.refresh()
	op.Connect(Service, p.serve)
	p.reg.add(p)
	return p, nil
}

// Namespace returns the app's namespace ("blog"), possibly "".
func (p *Participant) Namespace() string { return p.namespace }

// MountPrefix returns where the app is mounted: "/blog", or "" at the root.
func (p *Participant) MountPrefix() string { return p.prefix }

// Framework returns the framework name given in [Config].
func (p *Participant) Framework() string { return p.framework }

// remote reports whether the app is known from a manifest
// ([Builder.AddRemote]): it has no operator and sits behind another
// dispatcher than ours.
func (p *Participant) remote() bool { return p.op == nil }

// Operator returns the app's partyline operator; nil for a remote app
// ([Builder.AddRemote]).
func (p *Participant) Operator() *core.Operator { return p.op }

// Routes returns the app's routes as last read from its Source. The slice
// is shared: do not modify it.
func (p *Participant) Routes() []Route { return p.table.Load().routes }

// URL is [Builder.URL] seen from inside this app: a bare name means this
// app's endpoint first (Flask's ".name", Django's current_app), then the
// one app that has it; a qualified name ("shop:cart") means that app.
func (p *Participant) URL(name string, pairs ...string) (string, error) {
	return p.Build(&Request{Name: name, Pairs: pairs})
}

// Build is [Builder.Build] with local names first, as in [Participant.URL].
func (p *Participant) Build(req *Request) (string, error) {
	return p.reg.build(p, req)
}

// Refresh re-reads the app's routes from its Source now, rather than on
// the next miss (outside any re-read budget, see [Versioned]), and reports
// whether they changed. Adapters call it when
// they learn that something a Source does not version changed (a router
// option that changes how values are escaped).
func (p *Participant) Refresh() bool { return p.reread(true) }

// refresh re-reads the routes; it reports whether the table changed.
func (p *Participant) refresh() bool { return p.reread(false) }

// reread re-reads the routes, unless a Versioned source says nothing
// changed; forced (Refresh), it reads them whatever the version says and
// compares them whole (templates, host, query, error), since what changed
// may be neither a name nor a pattern.
func (p *Participant) reread(force bool) bool {
	p.refreshMu.Lock()
	defer p.refreshMu.Unlock()
	v, versioned := p.source.(Versioned)
	var ver uint64
	if versioned {
		ver = v.RoutesVersion()
		if !force && p.table.Load() != nil && ver == p.version {
			return false
		}
	}
	if !force && !versioned && p.table.Load() != nil && !p.budget.take(time.Now()) {
		return false
	}
	start := time.Now()
	routes := p.source.Routes()
	p.budget.costly = time.Since(start)
	if old := p.table.Load(); force && old != nil && sameRoutesWhole(old.routes, routes) {
		p.version = ver
		return false
	}
	// A Versioned source whose version moved has changed something, maybe
	// not a name or a pattern (gin's escaping flags change templates): take
	// its routes as they are. Others are compared, so that a miss on an
	// unchanged table does not rebuild the directory.
	if old := p.table.Load(); !force && old != nil && !versioned && sameRoutes(old.routes, routes) {
		p.version = ver
		return false
	}
	p.table.Store(newTable(routes))
	p.version = ver
	// Whoever re-read the routes (a miss in the directory, or one in the
	// url_for service), the directory must see them: a later read of an
	// unchanged source would report no change and leave it stale.
	p.reg.gen.Add(1)
	return true
}

// sameRoutesWhole is sameRoutes down to the compiled templates.
func sameRoutesWhole(a, b []Route) bool {
	if !sameRoutes(a, b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Scheme != y.Scheme || !sameTemplate(x.Path, y.Path) || !sameTemplate(x.Host, y.Host) ||
			(x.Err == nil) != (y.Err == nil) || x.Err != nil && x.Err.Error() != y.Err.Error() ||
			len(x.Query) != len(y.Query) {
			return false
		}
		for j := range x.Query {
			if x.Query[j].Key != y.Query[j].Key || !samePart(&x.Query[j].value, &y.Query[j].value) {
				return false
			}
		}
	}
	return true
}

func sameTemplate(a, b *Template) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.pattern != b.pattern || a.host != b.host || a.unroutable != b.unroutable || a.backtracks != b.backtracks || len(a.parts) != len(b.parts) {
		return false
	}
	for i := range a.parts {
		if !samePart(&a.parts[i], &b.parts[i]) {
			return false
		}
	}
	return true
}

func samePart(a, b *compiledPart) bool {
	return a.Part == b.Part && a.stop == b.stop
}

func sameRoutes(a, b []Route) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Method != b[i].Method || a[i].Pattern != b[i].Pattern {
			return false
		}
	}
	return true
}

// serve is the participant's handler for the url_for service.
func (p *Participant) serve(payload any) (any, error) {
	var req *Request
	switch v := payload.(type) {
	case *Request:
		req = v
	case Request:
		req = &v
	default:
		return nil, fmt.Errorf("urlfor: url_for payload is %T, want *urlfor.Request", payload)
	}
	name := req.Name
	if ns, local, ok := strings.Cut(name, ":"); ok {
		if ns != p.namespace {
			return nil, core.ErrHighAndDry
		}
		name = local
	}
	r, err := p.route(name, true)
	if errors.Is(err, ErrUnknownEndpoint) {
		return nil, core.ErrHighAndDry
	}
	if err != nil {
		return nil, err
	}
	u, err := p.build(r, req)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// build builds r with the app's mount prefix, then refuses a URL that the
// dispatcher would not route back to this app: an invite path (the party
// answers it 404), or a path under the mount prefix of another app nested
// in this one's (the root app's "/{page}" with page "blog" reaches the app
// mounted at /blog).
func (p *Participant) build(r *Route, req *Request) (string, error) {
	u, path, err := r.build(p.prefix, req)
	if err != nil {
		return "", err
	}
	// A remote app's URLs go to its own party, whose invite paths its
	// manifest lists.
	if p.remote() && p.guard.Load().IsInvitePath(path) || !p.remote() && p.op.Party().IsInvitePath(path) {
		return "", p.refuse(r, req, "would make the URL "+quote(u)+", an invite path, which the party answers 404")
	}
	if nested := p.nested.Load(); nested != nil {
		for _, q := range *nested {
			if strings.HasPrefix(path, q) && (len(path) == len(q) || path[len(q)] == '/') {
				return "", p.refuse(r, req, fmt.Sprintf("would make the URL %s, which the dispatcher routes to the app mounted at %s", quote(u), q))
			}
		}
	}
	return u, nil
}

// refuse returns the ParamError for a URL that r built but the dispatcher
// would not route back, blaming the route's first parameter.
func (p *Participant) refuse(r *Route, req *Request, why string) error {
	// Copies, not the caller's strings: were req's contents to leak into the
	// error, the compiler would move every Request and its pairs to the heap.
	e := &ParamError{Endpoint: strings.Clone(req.Name), Pattern: r.Pattern, Reason: why}
	if e.Endpoint == "" {
		e.Endpoint = p.qualify(r.Name)
	}
	if r.Path != nil && len(r.Path.params) > 0 {
		e.Param = r.Path.params[0]
		alias := r.Path.parts[firstParam(r.Path)].alias
		for i := 0; i+1 < len(req.Pairs); i += 2 {
			if req.Pairs[i] == e.Param || alias != "" && req.Pairs[i] == alias {
				e.Value = strings.Clone(req.Pairs[i+1])
			}
		}
	}
	return e
}

// route finds a local endpoint, re-reading the source once on a miss when
// refresh is set.
func (p *Participant) route(local string, refresh bool) (*Route, error) {
	for {
		t := p.table.Load()
		if r, ok := t.byName[local]; ok {
			return r, nil
		}
		if dups, ok := t.dups[local]; ok {
			return nil, p.ambiguous(local, dups)
		}
		if !refresh {
			return nil, &UnknownEndpointError{Name: p.qualify(local)}
		}
		refresh = false
		// Retry when the table moved, whoever moved it: a concurrent
		// refresh may have read the new routes, and ours then finds
		// nothing new.
		if p.refresh(); p.table.Load() == t {
			return nil, &UnknownEndpointError{Name: p.qualify(local)}
		}
	}
}

func (p *Participant) qualify(local string) string {
	if p.namespace == "" {
		return local
	}
	return p.namespace + ":" + local
}

func (p *Participant) describe(r *Route) string {
	// net/http patterns carry their method already ("GET /posts/{id}").
	if r.Method != "" && !strings.HasPrefix(r.Pattern, r.Method+" ") {
		return fmt.Sprintf("%s (%s %s)", p.qualify(r.Name), r.Method, r.Pattern)
	}
	return fmt.Sprintf("%s (%s)", p.qualify(r.Name), r.Pattern)
}

func (p *Participant) ambiguous(name string, routes []*Route) error {
	e := &AmbiguousError{Name: p.qualify(name)}
	for _, r := range routes {
		e.Candidates = append(e.Candidates, p.describe(r))
	}
	return e
}
