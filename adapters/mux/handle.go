package partymux

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"

	"github.com/partyline-go/partyline/urlfor"
)

// URL builds the URL of an endpoint, local names first: "post" is this
// router's route named "post" if it has one, else the one app of the party
// that has it; "shop:cart" is the shop's. pairs are key, value, key,
// value...: route variables, then the query string. The URL carries the
// app's mount prefix ("/blog/posts/7") and is absolute for a route with a
// Host template. r is the request being served; the URL does not depend on
// it (it is there so that handlers call every helper the same way) and it
// may be nil.
// Errors: urlfor.ErrNotInvited before the invitation, and urlfor's typed
// errors (unknown endpoint, ambiguous, missing or invalid parameter).
func (h *Handle) URL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.URL(name, pairs...)
}

// AbsoluteURL is [Handle.URL] with the scheme and host the client used to
// reach r ("https://example.com/blog/posts/7"): r.TLS and r.Host, or the
// X-Forwarded-Proto and X-Forwarded-Host headers with [TrustProxy]. A Host
// route keeps its own host. A malformed origin wraps urlfor.ErrBadCall.
func (h *Handle) AbsoluteURL(r *http.Request, name string, pairs ...string) (string, error) {
	return h.member.AbsoluteURL(r, h.cfg.trustProxy, name, pairs...)
}

// Redirect replies to r with a redirect to the URL of name (built as by
// [Handle.URL]) with status code, using http.Redirect. code must be 3xx
// (else an error wrapping [ErrRedirectCode] and a *urlfor.RedirectCodeError,
// which matches urlfor.ErrBadCall); when
// the URL cannot be built, nothing is written and the error is returned.
func (h *Handle) Redirect(w http.ResponseWriter, r *http.Request, code int, name string, pairs ...string) error {
	return redirect(h, w, r, code, name, pairs)
}

func redirect(h *Handle, w http.ResponseWriter, r *http.Request, code int, name string, pairs []string) error {
	if err := urlfor.CheckRedirectCode(code); err != nil {
		return fmt.Errorf("%w: %w", ErrRedirectCode, err)
	}
	u, err := h.URL(r, name, pairs...)
	if err != nil {
		return err
	}
	http.Redirect(w, r, u, code)
	return nil
}

// FuncMap returns urlFor for html/template (urlfor.FuncMap), with this
// router's names first. It may be installed before the invitation; calls
// made before it fail with urlfor.ErrNotInvited.
func (h *Handle) FuncMap() template.FuncMap { return h.member.FuncMap() }

// Participant returns the app's urlfor participant, or an error wrapping
// urlfor.ErrNotInvited before the invitation.
func (h *Handle) Participant() (*urlfor.Participant, error) { return h.member.Participant() }

// Check reads the router's routes now and reports what will fail to
// build: a [*DuplicateNameError] for each name held by several routes
// (mux's Get keeps the last silently) and a [*RouteError] for each route
// partymux cannot translate, joined with errors.Join; nil when all is
// well. It works before the invitation; call it in a test.
func (h *Handle) Check() error {
	routes := h.source.Routes()
	var errs []error
	byName := map[string][]string{}
	var order []string
	for _, r := range routes {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
		if _, ok := byName[r.Name]; !ok {
			order = append(order, r.Name)
		}
		byName[r.Name] = append(byName[r.Name], r.Pattern)
	}
	for _, name := range order {
		if ps := byName[name]; len(ps) > 1 {
			errs = append(errs, &DuplicateNameError{Name: name, Patterns: ps})
		}
	}
	return errors.Join(errs...)
}
