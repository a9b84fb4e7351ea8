package fiberdialect

// Mode is what of fiber's Config changes how a URL routes back.
type Mode struct {
	Unescape      bool // Config.UnescapePath: the router sees the decoded path
	CaseSensitive bool // Config.CaseSensitive
	Strict        bool // Config.StrictRouting
}

// Segment is one piece of a fiber pattern, as a version's parser reads it:
// constant text or a parameter.
type Segment struct {
	Const       string // constant text, escape characters removed
	IsParam     bool
	ParamName   string // "id"; "*1", "+1" for greedy parameters, as fiber names them (c.Params reads "*1" as "*" too)
	IsGreedy    bool   // "*" or "+"
	IsOptional  bool   // ":id?" or "*"
	IsLast      bool
	Constraints []Constraint
}

// Constraint is one parameter constraint, ":id<int>" or "<min(5)>".
type Constraint struct {
	Name string   // "int", "min", "regex"...; see [Dialect.CustomConstraints] for other names
	Data []string // the arguments, escapes removed (for regex: the expression as written)
	Raw  string   // the constraint text as written, for messages
}

// Route is one route of a fiber app as GetRoutes lists it.
type Route struct {
	Method string // "GET", ...
	Path   string // the pattern, as registered
	Name   string // "" for an unnamed route
}

// Dialect is what the shared code needs of one fiber version and app.
type Dialect struct {
	// Pkg names the adapter in messages ("partyfiber").
	Pkg string
	// Mode is the app's Config flags.
	Mode Mode
	// Parse splits a pattern into segments as the version's parseRoute does.
	Parse func(pattern string) ([]Segment, error)
	// ParamStart is the position of the first parameter of a pattern, -1
	// when it has none (the version's findNextParamPosition).
	ParamStart func(pattern string) int
	// RemoveEscapeChar is fiber's: the pattern text with "\" escapes removed.
	RemoveEscapeChar func(string) string
	// RoutePatternMatch is fiber's RoutePatternMatch with the app's Config:
	// whether a request for path reaches a route of pattern.
	RoutePatternMatch func(path, pattern string) bool
	// CustomConstraints reads constraints as fiber v3 does: in a
	// case-insensitive app names and arguments are lower-cased, a name fiber
	// does not know is a custom constraint, and a datetime constraint or an
	// argument that is not an integer is an error when read. Else as fiber
	// v2 does: Name is "" for a name fiber does not know (it checks nothing),
	// a bad argument reads as 0, and datetime is refused only for the
	// regexp of the values built.
	CustomConstraints bool
}
