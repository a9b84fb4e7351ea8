package partyfiber

import (
	"errors"
	"io"
	"net/http"
)

// Config.BodyLimit for bodies the adaptor reads whole.

// limitedBody records that a body went over the limit (the adaptor turns
// the read error into a 500 of its own).
type limitedBody struct {
	io.ReadCloser
	exceeded bool
}

func (l *limitedBody) Read(p []byte) (int, error) {
	n, err := l.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		l.exceeded = true
	}
	return n, err
}

// overflowWriter discards what the adaptor writes once the body went over
// the limit, so that the bridge can answer 413 instead of the adaptor's 500.
type overflowWriter struct {
	http.ResponseWriter
	body    *limitedBody
	scratch http.Header
}

func (o *overflowWriter) Header() http.Header {
	if o.body.exceeded {
		if o.scratch == nil {
			o.scratch = http.Header{}
		}
		return o.scratch
	}
	return o.ResponseWriter.Header()
}

func (o *overflowWriter) WriteHeader(code int) {
	if !o.body.exceeded {
		o.ResponseWriter.WriteHeader(code)
	}
}

func (o *overflowWriter) Write(p []byte) (int, error) {
	if o.body.exceeded {
		return len(p), nil
	}
	return o.ResponseWriter.Write(p)
}
