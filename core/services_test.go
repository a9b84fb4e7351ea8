package core_test

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// A handler's error or panic comes back from AskAround as a *HandlerError
// naming the service and the participant; the other answers still come
// back, nothing escapes, and the party keeps working.
func TestHandlerFailureIsAHandlerError(t *testing.T) {
	for _, tc := range []struct {
		name      string
		h         core.Handler
		wantErr   error // errors.Is target, or nil
		wantPanic any
		wantMsg   string
	}{
		{
			name:    "error",
			h:       func(any) (any, error) { return "ignored", fs.ErrNotExist },
			wantErr: fs.ErrNotExist,
			wantMsg: `core: service "url_for", participant /blog/__invite__/: file does not exist`,
		},
		{
			name:    "wrapped error",
			h:       func(any) (any, error) { return nil, fmt.Errorf("reading routes: %w", fs.ErrPermission) },
			wantErr: fs.ErrPermission,
			wantMsg: `core: service "url_for", participant /blog/__invite__/: reading routes: permission denied`,
		},
		{
			name:      "panic with a string",
			h:         func(any) (any, error) { panic("nil map") },
			wantPanic: "nil map",
			wantMsg:   `core: service "url_for", participant /blog/__invite__/: handler panicked: nil map`,
		},
		{
			name:      "panic with ErrHighAndDry is still a panic",
			h:         func(any) (any, error) { panic(core.ErrHighAndDry) },
			wantPanic: core.ErrHighAndDry,
			wantMsg:   `core: service "url_for", participant /blog/__invite__/: handler panicked: core: high and dry`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := newTrio(t, nil)
			tr.root.operator(t).Connect("url_for", answer("root"))
			tr.blog.operator(t).Connect("url_for", tc.h)
			tr.shop.operator(t).Connect("url_for", answer("shop"))

			for _, ask := range []struct {
				who string
				fn  func(string, any) ([]any, error)
			}{
				{"party", tr.party.AskAround},
				{"root", tr.root.operator(t).AskAround},
			} {
				got, err := ask.fn("url_for", "payload")
				want := []any{"root", "shop"}
				if ask.who == "root" {
					want = []any{"shop"}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s asked: answers = %v, want %v", ask.who, got, want)
				}
				var he *core.HandlerError
				if !errors.As(err, &he) {
					t.Fatalf("%s asked: error %v (%T) has no *core.HandlerError", ask.who, err, err)
				}
				if he.Service != "url_for" || he.Participant != "/blog/__invite__/" || he.Panic != tc.wantPanic {
					t.Errorf("HandlerError = %+v", he)
				}
				if tc.wantErr != nil && (!errors.Is(err, tc.wantErr) || !errors.Is(he.Unwrap(), tc.wantErr)) {
					t.Errorf("errors.Is(%v, %v) = false", err, tc.wantErr)
				}
				if tc.wantPanic != nil && he.Unwrap() != nil {
					t.Errorf("a panic's HandlerError unwraps to %v, want nil", he.Unwrap())
				}
				if errors.Is(err, core.ErrHighAndDry) {
					t.Error("a failure reads as high and dry")
				}
				if err.Error() != tc.wantMsg {
					t.Errorf("message = %q, want %q", err.Error(), tc.wantMsg)
				}
			}

			// The party survives: other services, the dispatcher.
			tr.party.Connect("ping", answer("pong"))
			if got, err := tr.blog.operator(t).AskAround("ping", nil); err != nil || !slices.Equal(got, []any{"pong"}) {
				t.Errorf("after the failure, AskAround(ping) = %v, %v", got, err)
			}
			rec := httptest.NewRecorder()
			tr.party.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/blog/hello", nil))
			if rec.Code != 200 {
				t.Errorf("after the failure, GET /blog/hello = %d", rec.Code)
			}
		})
	}
}

// A handler connected on the party itself is the participant "party".
func TestHandlerErrorOfThePartysOwnHandler(t *testing.T) {
	tr := newTrio(t, nil)
	tr.party.Connect("svc", func(any) (any, error) { return nil, errors.New("nope") })
	_, err := tr.blog.operator(t).AskAround("svc", nil)
	var he *core.HandlerError
	if !errors.As(err, &he) || he.Participant != "party" || he.Service != "svc" {
		t.Fatalf("error = %v, want a HandlerError from participant party", err)
	}
	if want := `core: service "svc", participant party: nope`; err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}

// Every failing handler is reported, in connect order, joined.
func TestEveryHandlerFailureIsReported(t *testing.T) {
	tr := newTrio(t, nil)
	tr.root.operator(t).Connect("svc", func(any) (any, error) { return nil, errors.New("root failed") })
	tr.blog.operator(t).Connect("svc", answer("blog"))
	tr.shop.operator(t).Connect("svc", func(any) (any, error) { panic("shop failed") })
	got, err := tr.party.AskAround("svc", nil)
	if !slices.Equal(got, []any{"blog"}) {
		t.Errorf("answers = %v, want [blog]", got)
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v (%T) is not joined", err, err)
	}
	var who []string
	for _, e := range joined.Unwrap() {
		var he *core.HandlerError
		if errors.As(e, &he) {
			who = append(who, he.Participant)
		}
	}
	if want := []string{"/__invite__/", "/shop/__invite__/"}; !slices.Equal(who, want) {
		t.Errorf("failed participants = %v, want %v", who, want)
	}
}

// Answers come back in connect order, across participants, not in the order
// the apps joined.
func TestAnswersComeBackInConnectOrder(t *testing.T) {
	tr := newTrio(t, nil)
	root, blog, shop := tr.root.operator(t), tr.blog.operator(t), tr.shop.operator(t)
	steps := []struct {
		connect func(string, core.Handler)
		answer  string
	}{
		{shop.Connect, "shop-1"},
		{tr.party.Connect, "party-1"},
		{blog.Connect, "blog-1"},
		{shop.Connect, "shop-2"},
		{root.Connect, "root-1"},
		{blog.Connect, "blog-2"},
	}
	var want []any
	for _, s := range steps {
		s.connect("order", answer(s.answer))
		want = append(want, s.answer)
	}
	got, err := tr.party.AskAround("order", nil)
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("party: %v, %v; want %v", got, err, want)
	}
	got, err = shop.AskAround("order", nil)
	if want := []any{"party-1", "blog-1", "root-1", "blog-2"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("shop: %v, %v; want %v", got, err, want)
	}
}

// The payload reaches every handler as given.
func TestPayloadReachesHandlersAsGiven(t *testing.T) {
	tr := newTrio(t, nil)
	type request struct{ endpoint string }
	payload := &request{"blog:post"}
	var got []any
	for _, a := range tr.apps() {
		a.operator(t).Connect("url_for", func(p any) (any, error) { got = append(got, p); return nil, nil })
	}
	if _, err := tr.party.AskAround("url_for", payload); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != payload || got[1] != payload || got[2] != payload {
		t.Errorf("handlers got %v, want the same pointer three times", got)
	}
}

// A handler that answers a value with ErrHighAndDry is skipped: the error
// wins over the value.
func TestHighAndDryWinsOverAnAnswer(t *testing.T) {
	tr := newTrio(t, nil)
	tr.blog.operator(t).Connect("svc", func(any) (any, error) { return "stale", core.ErrHighAndDry })
	tr.shop.operator(t).Connect("svc", answer(nil)) // a nil answer is an answer
	got, err := tr.party.AskAround("svc", nil)
	if err != nil || !slices.Equal(got, []any{nil}) {
		t.Fatalf("AskAround = %v, %v; want [nil], nil", got, err)
	}
}

// Connecting a nil handler does nothing: the service stays unknown.
func TestConnectNilHandlerIsIgnored(t *testing.T) {
	tr := newTrio(t, nil)
	tr.party.Connect("svc", nil)
	tr.blog.operator(t).Connect("svc", nil)
	if _, err := tr.party.AskAround("svc", nil); !errors.Is(err, core.ErrNoSuchService) {
		t.Fatalf("err = %v, want ErrNoSuchService", err)
	}
}

// ErrNoSuchService names the service; a service whose only handlers are the
// asker's is known, and answers nothing.
func TestNoSuchServiceNamesTheService(t *testing.T) {
	tr := newTrio(t, nil)
	_, err := tr.party.AskAround("url_for", nil)
	if err == nil || !strings.Contains(err.Error(), `"url_for"`) || !strings.HasPrefix(err.Error(), "core: ") {
		t.Errorf("error = %v, want it to start with core: and name \"url_for\"", err)
	}
	tr.blog.operator(t).Connect("mine", answer(1))
	if got, err := tr.blog.operator(t).AskAround("mine", nil); err != nil || len(got) != 0 {
		t.Errorf("asking my own service = %v, %v; want [], nil", got, err)
	}
}
