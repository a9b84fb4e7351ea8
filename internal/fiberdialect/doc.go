// Package fiberdialect is what the fiber adapters (partyfiber for fiber v2,
// partyfiberv3 for fiber v3) share: the translation of a fiber route
// pattern into a urlfor template, the regexps of fiber's parameter
// constraints, the model of which earlier routes take a route's URLs
// (fiber tries a method's routes in registration order), the route source
// built on them, the request fixes of the net/http bridges and
// [PatternError].
//
// It knows no fiber version: standard library, urlfor and adapterkit only.
// What differs between versions comes in a [Dialect]: the pattern parser
// (a port of each version's parseRoute, kept in its adapter), fiber's
// RemoveEscapeChar and RoutePatternMatch as funcs, the Config flags as a
// [Mode] and how constraints are read. Routes come as plain [Route] data.
package fiberdialect
