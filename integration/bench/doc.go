// Package bench holds partyline's cross-framework benchmarks (issues 8 and
// 12): URLs built across apps by urlfor, side by side with the frameworks'
// own reverse routing (echo's Reverse in v4 and v5, gorilla/mux's
// Route.URL, fiber's GetRouteURL in v2 and v3) and with the floor, a
// concatenation with url.PathEscape; urlFor in an html/template page; what
// Party.ServeHTTP adds to a request; and the start-up of a party of eight
// apps (echo v4 and v5, gin, gorilla/mux, chi, fiber v2 and v3, net/http).
//
// The package has no code of its own: everything is in its _test.go files.
// Run them all with run.sh, which prints a benchstat table, or once each, as
// CI does, with
//
//	go test -run '^$' -bench . -benchtime 1x ./bench/
//
// from the integration module. Every benchmark checks its result once before
// it is timed, so that a broken build cannot pass for a fast one.
package bench
