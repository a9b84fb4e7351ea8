package urlfor

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// ManifestVersion is the value of the "partyline" field of every manifest
// this package writes, and the only one it reads.
const ManifestVersion = "partyline.manifest/1"

// Manifest is the route manifest of a party, or of the part of it chosen
// with [ManifestOptions]: what a client outside the process (the
// JavaScript client in clients/js, another Go service through
// [Builder.AddRemote]) needs to build the same URLs the [Builder] builds.
// It is JSON:
//
//	{"partyline": "partyline.manifest/1",
//	 "origin": "https://example.com",
//	 "invitePaths": ["/blog/__invite__"],
//	 "endpoints": {"blog:post": {"template": "/blog/posts/{id}", ...}}}
//
// Mapped to Laravel Ziggy's JSON: "endpoints" is Ziggy's "routes" keyed by
// name, "template" its "uri" (RFC 6570 instead of "{id}" placeholders
// only), "methods" its "methods", "host" its "domain", and "origin" its
// "url"; the parameter rules ("path") replace Ziggy's "wheres" and add what
// Ziggy cannot say (escaping classes, values other routes take). Mapped to
// OpenAPI: each endpoint is a paths entry ("template" minus the query
// expression), "methods" its operations, the path parts its parameters
// ("pattern" their schema pattern), "origin" a servers URL; OpenAPI has no
// endpoint names (operationId is the closest) and no taken values.
// RFC 6570 cannot say constraints, optional segments or taken values, so
// they travel as their own fields.
type Manifest struct {
	Version string `json:"partyline"`
	// Origin is where the exported apps are reached, when known:
	// "https://example.com". Clients build absolute URLs on it.
	Origin string `json:"origin,omitempty"`
	// InvitePaths are the party's invite paths without their trailing
	// slash: a URL that is one of them (decoded, cleaned, ignoring ASCII
	// case) is refused, as core.Party.IsInvitePath refuses it.
	InvitePaths []string `json:"invitePaths,omitempty"`
	// Endpoints are keyed by the name to ask for: "blog:post", or "post"
	// for an app without namespace.
	Endpoints map[string]*ManifestEndpoint `json:"endpoints"`
}

// ManifestEndpoint is one endpoint of a [Manifest].
type ManifestEndpoint struct {
	// Namespace of the app; "" for an app reached by bare names.
	Namespace string `json:"namespace,omitempty"`
	// Framework of the app: "echo", "gin".
	Framework string `json:"framework,omitempty"`
	// Methods the route answers; empty when it takes any method.
	Methods []string `json:"methods,omitempty"`
	// Template is the URL as an RFC 6570 URI template, mount prefix
	// included: "/blog/posts/{id}", "{+path}" for a catch-all, "{?page}"
	// for required query values, "{sub}.example.com" in Host.
	Template string `json:"template"`
	// Host is the RFC 6570 template of a route's own host, if it has one.
	Host string `json:"host,omitempty"`
	// Scheme of a route with a host of its own ("" means "http").
	Scheme string `json:"scheme,omitempty"`
	// Pattern is the framework's own text of the route.
	Pattern string `json:"pattern"`
	// Prefix is the app's mount prefix, written before Path: "/blog".
	Prefix string `json:"prefix,omitempty"`
	// Path is the route's path pattern as urlfor compiled it.
	Path []ManifestPart `json:"path,omitempty"`
	// HostParts is the host pattern, for routes with a host of their own.
	HostParts []ManifestPart `json:"hostParts,omitempty"`
	// Query lists the query values the route requires.
	Query []ManifestQuery `json:"query,omitempty"`
	// Unroutable lists the bytes the router cannot route back in a
	// parameter ([Unroutable]).
	Unroutable string `json:"unroutable,omitempty"`
	// Backtracks says the router backtracks over a parameter followed by
	// literal text ([Backtracking]); otherwise the value ends at Stop.
	Backtracks bool `json:"backtracks,omitempty"`
	// Nested lists mount prefixes of apps mounted inside this one: a URL
	// under one of them is refused (the dispatcher routes it there).
	Nested []string `json:"nested,omitempty"`
	// Error says why the route cannot be built; building it fails.
	Error string `json:"error,omitempty"`
	// Ambiguous lists the routes of this name when the name has several
	// ([AmbiguousError]); building it fails.
	Ambiguous []string `json:"ambiguous,omitempty"`
}

// ManifestPart is one part of a compiled pattern ([Part]).
type ManifestPart struct {
	// Kind is "literal", "param" or "wildcard".
	Kind string `json:"kind"`
	// Text is the literal text, or the parameter's name.
	Text string `json:"text"`
	// Alias is another key that fills the parameter ([Part.Alias]).
	Alias    string `json:"alias,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	// Slashed: the framework hands the wildcard with a leading "/"
	// ([Part.SlashPrefixed]).
	Slashed bool `json:"slashed,omitempty"`
	// Pattern is the constraint in Go's RE2 syntax, as the adapter
	// translated it; JS is the same in ECMAScript syntax (for the "u"
	// flag), both matched against the whole value.
	Pattern string `json:"pattern,omitempty"`
	JS      string `json:"js,omitempty"`
	// Taken lists the values other routes of the app take ([Taken]).
	Taken []ManifestTaken `json:"taken,omitempty"`
}

// ManifestTaken is one [Taken] set.
type ManifestTaken struct {
	By       string   `json:"by,omitempty"`
	Values   []string `json:"values,omitempty"`
	Prefixes []string `json:"prefixes,omitempty"`
	Proper   bool     `json:"proper,omitempty"`
	Matching string   `json:"matching,omitempty"`
	JS       string   `json:"js,omitempty"`
	NonEmpty bool     `json:"nonEmpty,omitempty"`
	Fold     bool     `json:"fold,omitempty"`
}

// ManifestQuery is a query value a route requires ([QueryParam]).
type ManifestQuery struct {
	Key   string       `json:"key"`
	Value ManifestPart `json:"value"`
}

// ManifestOptions chooses what a manifest exports: nothing unless chosen.
type ManifestOptions struct {
	// Namespaces exports every endpoint of these apps ("" is the app
	// without namespace).
	Namespaces []string
	// Include exports the endpoints it returns true for, besides those of
	// Namespaces.
	Include func(Endpoint) bool
	// Origin is recorded as the manifest's origin: "https://example.com".
	// It must parse with [ParseOrigin].
	Origin string
}

// Manifest exports the endpoints o chooses as a [Manifest]. Nothing is
// chosen by default: a call with neither Namespaces nor Include is an
// error wrapping [ErrBadCall], as is a malformed Origin; an unknown
// namespace exports nothing. Before any app joined it returns
// [ErrNotInvited].
func (b *Builder) Manifest(o ManifestOptions) (*Manifest, error) {
	if len(o.Namespaces) == 0 && o.Include == nil {
		return nil, badCall("Manifest: choose what to export (ManifestOptions.Namespaces or Include)")
	}
	if o.Origin != "" {
		if _, err := ParseOrigin(o.Origin); err != nil {
			return nil, err
		}
	}
	if b.reg == nil || len(b.reg.directory().members) == 0 {
		return nil, notInvited("no app has joined the party")
	}
	m := &Manifest{Version: ManifestVersion, Origin: strings.TrimSuffix(o.Origin, "/"), Endpoints: map[string]*ManifestEndpoint{}}
	members := b.reg.directory().members
	m.InvitePaths = invitePathsOf(members)
	for _, p := range members {
		whole := slices.Contains(o.Namespaces, p.namespace)
		t := p.table.Load()
		for i := range t.routes {
			r := &t.routes[i]
			if r.Name == "" {
				continue
			}
			e := Endpoint{Name: p.qualify(r.Name), Namespace: p.namespace, MountPrefix: p.prefix, Framework: p.framework, Route: r}
			if !whole && (o.Include == nil || !o.Include(e)) {
				continue
			}
			if dups, ok := t.dups[r.Name]; ok {
				m.Endpoints[e.Name] = &ManifestEndpoint{Namespace: p.namespace, Framework: p.framework, Pattern: r.Pattern, Ambiguous: p.ambiguous(r.Name, dups).(*AmbiguousError).Candidates}
				continue
			}
			me, err := exportRoute(p, r)
			if err != nil {
				return nil, err
			}
			m.Endpoints[e.Name] = me
		}
	}
	return m, nil
}

// JSON returns the manifest as indented JSON, its keys in a stable order.
func (m *Manifest) JSON() ([]byte, error) { return json.MarshalIndent(m, "", "  ") }

// invitePathsOf lists the party's invite paths, without trailing slash.
func invitePathsOf(members []*Participant) []string {
	i := slices.IndexFunc(members, func(p *Participant) bool { return !p.remote() })
	if i < 0 {
		return nil
	}
	var out []string
	for _, inv := range members[i].op.Party().Invitations() {
		out = append(out, strings.TrimSuffix(inv.Path, "/"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func exportRoute(p *Participant, r *Route) (*ManifestEndpoint, error) {
	me := &ManifestEndpoint{Namespace: p.namespace, Framework: p.framework, Pattern: r.Pattern, Prefix: p.prefix, Scheme: r.Scheme}
	if r.Method != "" {
		me.Methods = []string{r.Method}
	}
	if nested := p.nested.Load(); nested != nil {
		me.Nested = slices.Clone(*nested)
	}
	if r.Err != nil {
		me.Error = r.Err.Error()
		return me, nil
	}
	var err error
	if r.Path != nil {
		if me.Path, err = exportParts(r.Path); err != nil {
			return nil, err
		}
		me.Unroutable, me.Backtracks = r.Path.unroutable, r.Path.backtracks
	}
	if r.Host != nil {
		if me.HostParts, err = exportParts(r.Host); err != nil {
			return nil, err
		}
		me.Host = uriTemplate(r.Host, "", nil)
	}
	for _, q := range r.Query {
		v, err := exportPart(&q.value)
		if err != nil {
			return nil, err
		}
		me.Query = append(me.Query, ManifestQuery{Key: q.Key, Value: v})
	}
	me.Template = uriTemplate(r.Path, p.prefix, r.Query)
	return me, nil
}

func exportParts(t *Template) ([]ManifestPart, error) {
	out := make([]ManifestPart, 0, len(t.parts))
	for i := range t.parts {
		mp, err := exportPart(&t.parts[i])
		if err != nil {
			return nil, err
		}
		out = append(out, mp)
	}
	return out, nil
}

func exportPart(p *compiledPart) (ManifestPart, error) {
	mp := ManifestPart{Text: p.text, Alias: p.alias, Optional: p.optional, Slashed: p.slashed, Pattern: p.constraint}
	switch p.kind {
	case kindLiteral:
		mp.Kind = "literal"
	case kindParam:
		mp.Kind = "param"
	default:
		mp.Kind = "wildcard"
	}
	var err error
	if p.constraint != "" {
		if mp.JS, err = JSRegexp(p.constraint); err != nil {
			return mp, err
		}
	}
	if p.taken != nil {
		for _, s := range p.taken.sets {
			mt := ManifestTaken{By: s.By, Values: s.Values, Prefixes: s.Prefixes, Proper: s.Proper, Matching: s.Matching, NonEmpty: s.NonEmpty, Fold: s.Fold}
			if s.Matching != "" {
				if mt.JS, err = JSRegexp(s.Matching); err != nil {
					return mp, err
				}
			}
			mp.Taken = append(mp.Taken, mt)
		}
	}
	return mp, nil
}

// uriTemplate writes t as an RFC 6570 template: literal text escaped for a
// template (a "{" or "}" or "%" of the pattern as %7B, %7D, %25), "{name}"
// for a parameter (simple expansion: one segment), "{+name}" for a
// wildcard (reserved expansion keeps "/"), "{/name}" for an optional
// parameter after a "/", fixed query values as text and "{?a,b}" (or
// "{&a,b}" after them) for required query parameters. It describes the
// URL; the rules that build it exactly are the parts.
func uriTemplate(t *Template, prefix string, query []QueryParam) string {
	var b strings.Builder
	writeLiteral := func(s string) {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '{', '}', '%':
				b.WriteString("%" + strings.ToUpper(string(upperhex[c>>4])+string(upperhex[c&15])))
			default:
				b.WriteByte(c)
			}
		}
	}
	writeLiteral(prefix)
	if t != nil {
		for i := range t.parts {
			p := &t.parts[i]
			switch {
			case p.kind == kindLiteral:
				s := p.text
				if i+1 < len(t.parts) && t.parts[i+1].optional && strings.HasSuffix(s, "/") {
					s = s[:len(s)-1] // "{/name}" writes the "/" only with a value
				}
				writeLiteral(s)
			case p.kind == kindWildcard:
				b.WriteString("{+" + p.text + "}")
			case p.optional && i > 0 && strings.HasSuffix(t.parts[i-1].text, "/"):
				b.WriteString("{/" + p.text + "}")
			default:
				b.WriteString("{" + p.text + "}")
			}
		}
	}
	sep := "?"
	var names []string
	for _, q := range query {
		if q.value.kind == kindParam {
			names = append(names, q.value.text)
			continue
		}
		b.WriteString(sep)
		writeLiteral(queryEscaped(q.Key) + "=" + queryEscaped(q.value.text))
		sep = "&"
	}
	if len(names) > 0 {
		b.WriteString("{" + sep + strings.Join(names, ",") + "}")
	}
	return b.String()
}

func queryEscaped(s string) string { return string(appendEscaped(nil, s, rawQuery)) }

// sortedNames returns m's endpoint names in byte order.
func (m *Manifest) sortedNames() []string { return slices.Sorted(maps.Keys(m.Endpoints)) }
