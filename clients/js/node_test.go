package partylinejs

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNode runs the JavaScript client's tests (node --test in this
// directory). Where node is missing it skips, saying so on stderr even
// without -v; under CI=true a missing node fails (.ci/run installs it).
func TestNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed, and CI=true: .ci/run must install nodejs")
		}
		fmt.Fprintln(os.Stderr, "SKIP clients/js: node is not installed; the JavaScript client's tests did not run (apt-get install nodejs)")
		t.Skip("node is not installed")
	}
	cmd := exec.Command(node, "--test")
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	// The summary lines (tests, pass, fail...), for go test -v; a run
	// that found no test is a failure, not a pass.
	ran := false
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "# ") {
			t.Log(line)
		}
		if n, ok := strings.CutPrefix(line, "# tests "); ok && n != "0" {
			ran = true
		}
	}
	if !ran {
		t.Fatalf("node --test ran no test:\n%s", out)
	}
}
