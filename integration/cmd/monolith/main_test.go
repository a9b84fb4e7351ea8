package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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
