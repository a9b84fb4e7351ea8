package core

import "log/slog"

// Option configures a [Party] made by [New].
type Option func(*config)

type config struct {
	ignoreMissing bool
	logger        *slog.Logger
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
