package core

import (
	"bytes"
	"net/http"
)

// recorder is the ResponseWriter of an invitation: it keeps the status and
// the first bytes of the body (for error messages) and drops the rest.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

const keepBody = 256

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	if room := keepBody - r.body.Len(); room > 0 {
		r.body.Write(b[:min(room, len(b))])
	}
	return len(b), nil
}

// Flush lets apps that stream (and bridges that assert http.Flusher) answer
// an invitation.
func (r *recorder) Flush() {}

func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}
