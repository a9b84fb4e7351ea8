package core

import (
	"errors"
	"slices"
)

// Handler answers one service request. It returns its answer, or an error
// wrapping [ErrHighAndDry] to be skipped. Any other error, or a panic, is
// reported by AskAround as a [*HandlerError]. The payload's type is the
// service's convention (urlfor's "url_for" service takes a *urlfor.Request).
// A Handler may be called from many goroutines at once.
type Handler func(payload any) (any, error)

// serviceTable is an immutable snapshot: service name -> handlers in
// connect order. Writers copy it; readers load it atomically and never lock.
type serviceTable map[string][]connection

type connection struct {
	op *Operator // nil for handlers connected on the Party itself
	h  Handler
}

// Connect appends h to the handlers of service. Connecting the same handler
// twice keeps both, as wsgi_party does. Safe to call while others ask around;
// a nil h is ignored.
func (p *Party) Connect(service string, h Handler) { p.connect(nil, service, h) }

// AskAround calls every handler connected to service, in connect order, with
// payload, and returns their answers in that order. Handlers that return
// [ErrHighAndDry] are skipped. A handler that fails or panics is skipped
// too, and its [*HandlerError] comes back joined in the error, alongside
// the answers of the others. A service nobody connected is
// [ErrNoSuchService], unless the party ignores missing services.
func (p *Party) AskAround(service string, payload any) ([]any, error) {
	return p.askAround(nil, service, payload)
}

func (p *Party) connect(op *Operator, service string, h Handler) {
	if h == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	old := *p.services.Load()
	next := make(serviceTable, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	next[service] = append(slices.Clip(old[service]), connection{op: op, h: h})
	p.services.Store(&next)
}

func (p *Party) askAround(asker *Operator, service string, payload any) ([]any, error) {
	conns, ok := (*p.services.Load())[service]
	if !ok {
		if p.ignoreMissing {
			return nil, nil
		}
		return nil, errorf(ErrNoSuchService, "%q", service)
	}
	answers := make([]any, 0, len(conns))
	var errs []error
	for _, c := range conns {
		if asker != nil && c.op == asker {
			continue
		}
		answer, err := call(c, service, payload)
		switch {
		case err == nil:
			answers = append(answers, answer)
		case errors.Is(err, ErrHighAndDry):
		default:
			errs = append(errs, err)
		}
	}
	return answers, errors.Join(errs...)
}

func call(c connection, service string, payload any) (answer any, err error) {
	defer func() {
		if v := recover(); v != nil {
			answer, err = nil, &HandlerError{Service: service, Participant: c.op.label(), Panic: v}
		}
	}()
	answer, err = c.h(payload)
	if err != nil && !errors.Is(err, ErrHighAndDry) {
		return nil, &HandlerError{Service: service, Participant: c.op.label(), Err: err}
	}
	return answer, err
}
