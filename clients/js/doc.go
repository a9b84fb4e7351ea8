// Package partylinejs holds the JavaScript client of partyline
// (partyline.js, an ES module with no dependencies) and its Go test, which
// runs the client's tests with Node's built-in runner (node --test) so
// that go test covers them: the conformance vectors in
// testdata/vectors.json, written by the integration module's
// TestManifestVectors from real adapters, and the client's unit tests.
// There is no Go API here.
package partylinejs
