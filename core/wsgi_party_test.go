package core_test

// The 13 test cases of Python's wsgi_party (tests.py, 2012), one Go test each,
// in the original's order. The originals used dummy objects; these run a real
// dispatcher (http.ServeMux with http.StripPrefix) and apps that register the
// invite route and call core.AcceptInvitation.

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// Original: TestPartylineOperator.test_connect. The operator hands connect
// over to the party (the party now answers with the handler) and records the
// handler as its own (the operator's own AskAround skips it).
func TestOperatorConnectPassesThroughAndRecordsHandlers(t *testing.T) {
	tr := newTrio(t, nil)
	blog := tr.blog.operator(t)
	blog.Connect("name", answer("123"))

	got, err := tr.party.AskAround("name", nil)
	if err != nil || !slices.Equal(got, []any{"123"}) {
		t.Fatalf("party.AskAround = %v, %v; want [123], nil", got, err)
	}
	got, err = blog.AskAround("name", nil)
	if err != nil || len(got) != 0 {
		t.Fatalf("blog operator's own AskAround = %v, %v; want [], nil (its handler is recorded as its own)", got, err)
	}
	got, err = tr.shop.operator(t).AskAround("name", nil)
	if err != nil || !slices.Equal(got, []any{"123"}) {
		t.Fatalf("shop operator's AskAround = %v, %v; want [123], nil", got, err)
	}
}

// Original: TestPartylineOperator.test_ask_around. The operator hands
// ask_around over to the party, with itself as the asker: the party's
// handlers get the payload and their answers come back.
func TestOperatorAskAroundPassesThroughAsItself(t *testing.T) {
	tr := newTrio(t, nil)
	var c calls
	tr.party.Connect("name", c.handler("party", "abc", nil))

	got, err := tr.root.operator(t).AskAround("name", "payload")
	if err != nil || !slices.Equal(got, []any{"abc"}) {
		t.Fatalf("AskAround = %v, %v; want [abc], nil", got, err)
	}
	if want := []string{"party(payload)"}; !slices.Equal(c.got(), want) {
		t.Fatalf("handler calls = %v, want %v", c.got(), want)
	}
}

// Original: TestWSGIParty.test_ctor_calls_send_invitations. New sends one
// invitation per invite path, before it returns.
func TestNewSendsOneInvitationPerInvitePath(t *testing.T) {
	var seen []string
	root, another := newTestApp("root", nil), newTestApp("another", nil)
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/another", another})
	spy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.URL.Path)
		mux.ServeHTTP(w, r)
	})
	if _, err := core.New(spy, invitePaths("", "/another")); err != nil {
		t.Fatal(err)
	}
	if want := invitePaths("", "/another"); !slices.Equal(seen, want) {
		t.Fatalf("dispatcher saw %v, want %v", seen, want)
	}
	if root.reached.Load() != 1 || another.reached.Load() != 1 {
		t.Fatalf("invite routes reached %d and %d times, want 1 and 1", root.reached.Load(), another.reached.Load())
	}
}

// Original: TestWSGIParty.test___call__. An ordinary request passes through
// the party to the dispatcher unchanged: the same *http.Request and the same
// ResponseWriter, whose answer reaches the client.
func TestServeHTTPPassesRequestsThroughUnchanged(t *testing.T) {
	var gotReq *http.Request
	var gotW http.ResponseWriter
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := core.AcceptInvitation(r); ok {
			return
		}
		gotReq, gotW = r, w
		w.WriteHeader(http.StatusTeapot)
	})
	p, err := core.New(app, nil)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/blog/posts/7?x=1", nil)
	req.Header.Set("X-Thing", "kept")
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, req)
	if gotReq != req || gotW != rec {
		t.Fatalf("the dispatcher got request %p and writer %p, want %p and %p", gotReq, gotW, req, rec)
	}
	if rec.Code != http.StatusTeapot {
		t.Fatalf("status = %d, want %d (the app's answer)", rec.Code, http.StatusTeapot)
	}
}

// Original: TestWSGIParty.test_send_invitations. Each invitation is a GET to
// its invite path, in order, carrying a fresh operator for that path.
func TestInvitationsAreGETsCarryingAnOperator(t *testing.T) {
	type seen struct {
		method, path, invitePath string
		op                       *core.Operator
	}
	var got []seen
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op, ok := core.AcceptInvitation(r)
		if !ok {
			t.Errorf("invitation %s %s carries no operator", r.Method, r.URL.Path)
			return
		}
		got = append(got, seen{r.Method, r.URL.Path, op.InvitePath(), op})
	})
	invites := []string{"/__invite__", "/another/__invite__"}
	p, err := core.New(app, invites)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d invitations, want 2", len(got))
	}
	for i, s := range got {
		if s.method != http.MethodGet || s.path != invites[i] || s.invitePath != invites[i] {
			t.Errorf("invitation %d = %s %s (operator for %s), want GET %s", i, s.method, s.path, s.invitePath, invites[i])
		}
		if s.op.Party() != p {
			t.Errorf("invitation %d: operator belongs to another party", i)
		}
	}
	if got[0].op == got[1].op {
		t.Error("both invitations carried the same operator")
	}
}

// Original: TestWSGIParty.test_connect_to_nonexisting. Connecting to a
// service nobody connected to before creates it.
func TestConnectToNewServiceCreatesIt(t *testing.T) {
	tr := newTrio(t, nil)
	if _, err := tr.party.AskAround("service_name", nil); !errors.Is(err, core.ErrNoSuchService) {
		t.Fatalf("before Connect: err = %v, want ErrNoSuchService", err)
	}
	tr.blog.operator(t).Connect("service_name", answer("handler"))
	got, err := tr.party.AskAround("service_name", nil)
	if err != nil || !slices.Equal(got, []any{"handler"}) {
		t.Fatalf("after Connect: %v, %v; want [handler], nil", got, err)
	}
}

// Original: TestWSGIParty.test_connect_to_existing. Connecting to an existing
// service appends; connecting the same handler twice keeps both.
func TestConnectAppends(t *testing.T) {
	tr := newTrio(t, nil)
	tr.party.Connect("service_name", answer("abc"))
	h := answer("handler")
	tr.blog.operator(t).Connect("service_name", h)
	tr.blog.operator(t).Connect("service_name", h)
	got, err := tr.party.AskAround("service_name", nil)
	if want := []any{"abc", "handler", "handler"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("AskAround = %v, %v; want %v, nil", got, err, want)
	}
}

// Original: TestWSGIParty.test_ask_around_other_operator. Asked by another
// operator, every handler gets the payload, and the answers come back in
// connect order.
func TestAskAroundFromAnotherOperatorCallsEveryHandlerInOrder(t *testing.T) {
	tr := newTrio(t, nil)
	var c calls
	blog := tr.blog.operator(t)
	blog.Connect("service_name", c.handler("handler1", "result", nil))
	blog.Connect("service_name", c.handler("handler2", "result2", nil))

	got, err := tr.shop.operator(t).AskAround("service_name", "payload")
	if want := []any{"result", "result2"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("AskAround = %v, %v; want %v, nil", got, err, want)
	}
	if want := []string{"handler1(payload)", "handler2(payload)"}; !slices.Equal(c.got(), want) {
		t.Fatalf("calls = %v, want %v", c.got(), want)
	}
}

// Original: TestWSGIParty.test_ask_around_other_operator_handler_raises_HighAndDry.
// A handler that is high and dry is called, then skipped; so is one that
// wraps ErrHighAndDry.
func TestAskAroundSkipsHighAndDry(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"ErrHighAndDry", core.ErrHighAndDry},
		{"wrapped", fmt.Errorf("blog: no endpoint %q: %w", "post", core.ErrHighAndDry)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := newTrio(t, nil)
			var c calls
			blog := tr.blog.operator(t)
			blog.Connect("service_name", c.handler("handler1", "result", nil))
			blog.Connect("service_name", c.handler("handler2", "ignored", tc.err))

			got, err := tr.shop.operator(t).AskAround("service_name", "payload")
			if want := []any{"result"}; err != nil || !slices.Equal(got, want) {
				t.Fatalf("AskAround = %v, %v; want %v, nil", got, err, want)
			}
			if want := []string{"handler1(payload)", "handler2(payload)"}; !slices.Equal(c.got(), want) {
				t.Fatalf("calls = %v, want %v", c.got(), want)
			}
		})
	}
}

// Original: TestWSGIParty.test_ask_around_same_operator. An operator asking
// around never calls its own handlers.
func TestAskAroundSkipsTheAskersOwnHandlers(t *testing.T) {
	tr := newTrio(t, nil)
	var c calls
	blog := tr.blog.operator(t)
	blog.Connect("service_name", c.handler("handler1", "result", nil))
	blog.Connect("service_name", c.handler("handler2", "result2", nil))

	got, err := blog.AskAround("service_name", "payload")
	if err != nil || len(got) != 0 {
		t.Fatalf("AskAround = %v, %v; want [], nil", got, err)
	}
	if len(c.got()) != 0 {
		t.Fatalf("the asker's own handlers were called: %v", c.got())
	}
}

// Original: TestWSGIParty.test_ask_around_no_operator. Asking on the party
// itself (no operator) calls every handler, the operators' and the party's,
// and still skips the high and dry.
func TestPartyAskAroundCallsEveryHandler(t *testing.T) {
	tr := newTrio(t, nil)
	var c calls
	tr.blog.operator(t).Connect("service_name", c.handler("handler1", "result", nil))
	tr.shop.operator(t).Connect("service_name", c.handler("handler2", nil, core.ErrHighAndDry))
	tr.party.Connect("service_name", c.handler("handler3", "result3", nil))

	got, err := tr.party.AskAround("service_name", "payload")
	if want := []any{"result", "result3"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("AskAround = %v, %v; want %v, nil", got, err, want)
	}
	if want := []string{"handler1(payload)", "handler2(payload)", "handler3(payload)"}; !slices.Equal(c.got(), want) {
		t.Fatalf("calls = %v, want %v", c.got(), want)
	}
}

// Original: TestWSGIParty.test_ask_around_no_handler. Asking around a service
// nobody connected to is ErrNoSuchService, from the party and from an
// operator.
func TestAskAroundUnknownServiceIsErrNoSuchService(t *testing.T) {
	tr := newTrio(t, nil)
	tr.party.Connect("known", answer("x"))
	if got, err := tr.party.AskAround("unlucky", nil); !errors.Is(err, core.ErrNoSuchService) || got != nil {
		t.Fatalf("party.AskAround = %v, %v; want nil, ErrNoSuchService", got, err)
	}
	if got, err := tr.blog.operator(t).AskAround("unlucky", nil); !errors.Is(err, core.ErrNoSuchService) || got != nil {
		t.Fatalf("operator.AskAround = %v, %v; want nil, ErrNoSuchService", got, err)
	}
}

// Original: TestWSGIParty.test_ask_around_no_handler_ignored. With
// IgnoreMissingServices, an unknown service answers nothing and no error.
func TestAskAroundUnknownServiceIgnored(t *testing.T) {
	tr := newTrio(t, nil, core.IgnoreMissingServices())
	if got, err := tr.party.AskAround("who_cares", nil); err != nil || len(got) != 0 {
		t.Fatalf("party.AskAround = %v, %v; want [], nil", got, err)
	}
	if got, err := tr.blog.operator(t).AskAround("who_cares", nil); err != nil || len(got) != 0 {
		t.Fatalf("operator.AskAround = %v, %v; want [], nil", got, err)
	}
}
