// Package integration holds the cross-framework tests and benchmarks of
// partyline, and the monolith demo (cmd/monolith).
package integration
