package monolith

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
)

// The limits of what a request may send. A comment form of a name and a
// short text is far below MaxBody.
const (
	MaxBody   = 64 << 10 // bytes of a request body, in every app
	MaxAuthor = 80       // characters of a comment's author
	MaxText   = 2000     // characters of a comment's text
)

// limitBodies caps the body of every request at max bytes: a declared
// length above it is answered 413 before any app reads it, and a body
// without a declared length is read through http.MaxBytesReader (an app
// that reads past max gets an *http.MaxBytesError; the blog answers 413).
func limitBodies(h http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			w.Header().Set("Connection", "close")
			http.Error(w, fmt.Sprintf("request body too large: at most %d bytes", max), http.StatusRequestEntityTooLarge)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, max)
		}
		h.ServeHTTP(w, r)
	})
}

// quiet returns a logger that writes the records of l below warning level
// at debug level: the party's "app joined" lines show with -debug only,
// its warnings and errors always. A nil l stays nil (silent).
func quiet(l *slog.Logger) *slog.Logger {
	if l == nil {
		return nil
	}
	return slog.New(demoted{l.Handler()})
}

type demoted struct{ slog.Handler }

func level(l slog.Level) slog.Level {
	if l < slog.LevelWarn {
		return slog.LevelDebug
	}
	return l
}

func (d demoted) Enabled(ctx context.Context, l slog.Level) bool {
	return d.Handler.Enabled(ctx, level(l))
}

func (d demoted) Handle(ctx context.Context, r slog.Record) error {
	r.Level = level(r.Level)
	return d.Handler.Handle(ctx, r)
}

func (d demoted) WithAttrs(attrs []slog.Attr) slog.Handler {
	return demoted{d.Handler.WithAttrs(attrs)}
}

func (d demoted) WithGroup(name string) slog.Handler { return demoted{d.Handler.WithGroup(name)} }
