package partychi

import (
	"context"
	"log/slog"
	"net/http"
	"sync"

	"github.com/partyline-go/partyline/urlfor"
)

// joinLog is the logger the adapter gives urlfor.Member. It forwards every
// record to the user's logger (if any) and keeps the error of a failed
// join, which Member.Accept logs but does not return, so that the invite
// route can answer it and core.New can report it.
type joinLog struct {
	logger *slog.Logger
	next   slog.Handler // nil: silent

	mu  sync.Mutex // serialises accept; held while Member.Accept runs
	err error      // the error logged by the running accept
}

func newJoinLog(user *slog.Logger) *joinLog {
	l := &joinLog{}
	if user != nil {
		l.next = user.Handler()
	}
	l.logger = slog.New(captureHandler{l})
	return l
}

// accept runs m.Accept(r) and returns its status and, when joining failed,
// the error Member logged.
func (l *joinLog) accept(m *urlfor.Member, r *http.Request) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.err = nil
	status := m.Accept(r)
	return status, l.err
}

// captureHandler is a slog.Handler that records "error" attributes of
// error-level records in its joinLog, then forwards to the user's handler.
type captureHandler struct{ l *joinLog }

func (c captureHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= slog.LevelError || c.l.next != nil && c.l.next.Enabled(ctx, level)
}

func (c captureHandler) Handle(ctx context.Context, rec slog.Record) error {
	if rec.Level >= slog.LevelError {
		rec.Attrs(func(a slog.Attr) bool {
			if err, ok := a.Value.Any().(error); ok && a.Key == "error" {
				c.l.err = err
				return false
			}
			return true
		})
	}
	if c.l.next != nil && c.l.next.Enabled(ctx, rec.Level) {
		return c.l.next.Handle(ctx, rec)
	}
	return nil
}

// WithAttrs and WithGroup are not used by urlfor.Member, which logs with
// LogAttrs on the logger it was given; they forward to the user's handler
// and stop capturing.
func (c captureHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	if c.l.next == nil {
		return c
	}
	return c.l.next.WithAttrs(attrs)
}

func (c captureHandler) WithGroup(name string) slog.Handler {
	if c.l.next == nil {
		return c
	}
	return c.l.next.WithGroup(name)
}
