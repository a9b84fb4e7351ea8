package core

import "log/slog"

// Option configures a [Party] made by [New].
type Option func(*config)

type config struct {
	ignoreMissing bool
	allowDecline  bool
	logger        *slog.Logger
}

// AllowDecline keeps wsgi_party's tolerance for apps that may not take
// part: an invite path that no partyline adapter answered (the app has no
// invite route, or answers 404 or anything else below 500 without
// accepting) is recorded in [Party.Invitations] as not joined instead of
// failing [New]. Failures stay errors: a 5xx, a panic, and an adapter that
// saw the invitation and declined it (see [Operator.Decline]).
func AllowDecline() Option {
	return func(c *config) { c.allowDecline = true }
}

// IgnoreMissingServices makes AskAround answer an empty result, instead of
// [ErrNoSuchService], for a service no handler was connected to
// (wsgi_party's ignore_missing_services=True).
func IgnoreMissingServices() Option {
	return func(c *config) { c.ignoreMissing = true }
}

// WithLogger makes the party log every invitation it sends (path, status,
// whether the app joined, duration) and every failure, on l. A party is
// silent by default. A nil l keeps it silent.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}
