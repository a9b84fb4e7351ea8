package monolith

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// quiet writes what is below a warning at debug level, and keeps warnings
// and errors (a failed invitation) as they are.
func TestQuiet(t *testing.T) {
	var buf bytes.Buffer
	l := quiet(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo})))
	l.Info("joined")
	l.With("k", "v").WithGroup("g").Info("joined too")
	if buf.Len() != 0 {
		t.Errorf("info lines shown at info level: %s", buf.String())
	}
	l.Warn("declined")
	l.Error("invitation failed")
	if s := buf.String(); !strings.Contains(s, "level=WARN msg=declined") || !strings.Contains(s, "level=ERROR msg=\"invitation failed\"") {
		t.Errorf("warnings and errors: %q", s)
	}
	buf.Reset()
	l = quiet(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	l.Info("joined")
	if !strings.Contains(buf.String(), "level=DEBUG msg=joined") {
		t.Errorf("at debug level: %q", buf.String())
	}
	if quiet(nil) != nil {
		t.Error("quiet(nil) is not nil")
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 comments", 1: "1 comment", 2: "2 comments", 1000: "1000 comments"} {
		if got := plural(n, "comment"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}
