package core

import (
	"path"
	"strings"
	"testing"
)

// needsClean(p) must say whether path.Clean changes a rooted path, ignoring
// the trailing slash Clean drops; never false when it does. The guard relies on it to skip
// path.Clean (and its allocation) for ordinary paths.
func FuzzNeedsClean(f *testing.F) {
	for _, p := range []string{
		"/", "//", "/.", "/..", "/./", "/../", "/a", "/a/", "/a//", "/a/.", "/a/..",
		"/a/./b", "/a/../b", "/a//b", "/.well-known/x", "/a/.b", "/a/..b", "/a/b.",
		"/...", "/a/.../b", "/blog/__invite__/", "/blog/2026/11/21/a-long-slug/comments/42",
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if !strings.HasPrefix(p, "/") {
			return
		}
		changes := path.Clean(p) != trimSlash(p)
		got := needsClean(p)
		if !got && changes {
			t.Errorf("needsClean(%q) = false, but path.Clean gives %q", p, path.Clean(p))
		}
		// "//" is the one path Clean and trimSlash agree on: harmless.
		if got && !changes && p != "//" {
			t.Errorf("needsClean(%q) = true, but path.Clean leaves it", p)
		}
	})
}
