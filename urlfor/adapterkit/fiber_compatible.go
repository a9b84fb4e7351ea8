package adapterkit

// Compatible reports whether some path matches both token lists: a
// parameter matching one or more bytes but "/", a wildcard any bytes,
// literal text compared ignoring ASCII case with fold. Constraints are
// ignored, so it over-approximates: the safe side for an adapter whose
// model of an order-based router (fiber, gorilla/mux) must decide whether
// a route registered first may take some URL of another, where [Siblings]
// describes no candidate.
func Compatible(a, b []Token, fold bool) bool { return compatible(a, b, fold) }
