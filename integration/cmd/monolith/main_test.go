package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/integration/monolith"
)

// The offline commands: url prints what Go builds, or fails with the
// typed error's text; manifest prints a manifest of every endpoint.
func TestOfflineCommands(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"url", "blog:post", "slug", "a b"}, &out, &errOut); err != nil || out.String() != "/blog/posts/a%20b\n" {
		t.Errorf("url blog:post: %q, %v", out.String(), err)
	}
	out.Reset()
	if err := run([]string{"url", "blog:pots", "slug", "x"}, &out, &errOut); err == nil || !strings.Contains(err.Error(), `did you mean "blog:post"`) || out.Len() != 0 {
		t.Errorf("url blog:pots: %q, %v", out.String(), err)
	}
	if err := run([]string{"url", "blog:post", "slug"}, &out, &errOut); err == nil {
		t.Error("url with an odd number of arguments succeeded")
	}
	out.Reset()
	if err := run([]string{"manifest"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var m struct {
		Version   string                     `json:"partyline"`
		Endpoints map[string]json.RawMessage `json:"endpoints"`
	}
	if err := json.Unmarshal(out.Bytes(), &m); err != nil || m.Version != "partyline.manifest/1" || m.Endpoints["blog:post"] == nil || m.Endpoints["shop:product"] == nil {
		t.Errorf("manifest: %v, %d endpoints", err, len(m.Endpoints))
	}
}

// wantListing is what the command prints when it serves on 127.0.0.1:8080,
// as the README shows it: one line per app, then the address.
const wantListing = `partyline monolith: eight apps, one party
  shop     /         gin v1          3 endpoints
  blog     /blog     echo v5         3 endpoints
  events   /events   fiber v3        2 endpoints
  api      /api      gorilla/mux v1  3 endpoints
  admin    /admin    chi v5          2 endpoints
  help     /help     net/http        3 endpoints
  archive  /archive  echo v4         2 endpoints  (legacy)
  legacy   /legacy   fiber v2        2 endpoints  (legacy)
listening on http://127.0.0.1:8080/
`

// TestListing checks the listing, and that nothing is logged before it at
// the default level: the invitations are debug lines, shown with -debug.
func TestListing(t *testing.T) {
	for _, debug := range []bool{false, true} {
		var log bytes.Buffer
		level := slog.LevelInfo
		if debug {
			level = slog.LevelDebug
		}
		logger := slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: level}))
		site, err := monolith.New(monolith.Options{Logger: logger, Debug: debug})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		listing(&out, site, "127.0.0.1:8080")
		_ = site.Close()
		if out.String() != wantListing {
			t.Errorf("debug %v: the listing is\n%s\nwant\n%s", debug, out.String(), wantListing)
		}
		readme, err := os.ReadFile("../../../README.md")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(readme), "```\n"+wantListing+"```\n") {
			t.Errorf("README.md's Set-up does not show the listing exactly as it prints:\n%s", wantListing)
		}
		joined := strings.Count(log.String(), `msg="partyline: app joined"`)
		switch {
		case !debug && log.Len() != 0:
			t.Errorf("logged before the listing:\n%s", log.String())
		case debug && (joined != len(monolith.Mounts) || strings.Contains(log.String(), "level=INFO")):
			t.Errorf("with -debug, %d invitations logged, want %d at debug level:\n%s", joined, len(monolith.Mounts), log.String())
		}
	}
}
