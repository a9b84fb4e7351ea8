package core_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/partyline-go/partyline/core"
)

// bridge stands for an adapter like Fiber's net/http adaptor: it hands the
// app a freshly built request that has the headers of the original but not
// its context.
func bridge(app http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fresh, err := http.NewRequestWithContext(context.Background(), r.Method, r.URL.String(), nil)
		if err != nil {
			panic(err)
		}
		fresh.Header = r.Header.Clone()
		app.ServeHTTP(w, fresh)
	})
}

func TestInvitationRequestIsABodylessGET(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if r.Method != http.MethodGet || r.ContentLength != 0 || len(body) != 0 || err != nil {
			t.Errorf("invitation: %s with %d bytes of body (%v)", r.Method, len(body), err)
		}
		if r.URL.Path != "/blog/__invite__/" || r.URL.RawQuery != "" || r.RequestURI != "/blog/__invite__/" {
			t.Errorf("invitation URL = %q (RequestURI %q)", r.URL, r.RequestURI)
		}
		if _, ok := core.AcceptInvitation(r); !ok {
			t.Error("invitation refused")
		}
	})
	if _, err := core.New(app, []string{"/blog/__invite__/"}); err != nil {
		t.Fatal(err)
	}
}

func TestAcceptInvitationIsTrueAtMostOncePerInvitation(t *testing.T) {
	var first, second *core.Operator
	var firstOK, secondOK bool
	var retained *http.Request
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first, firstOK = core.AcceptInvitation(r)
		second, secondOK = core.AcceptInvitation(r)
		retained = r
	})
	p, err := core.New(app, invitePaths(""))
	if err != nil {
		t.Fatal(err)
	}
	if !firstOK || first == nil || first.Party() != p {
		t.Fatalf("first AcceptInvitation = %v, %v; want the party's operator, true", first, firstOK)
	}
	if secondOK || second != nil {
		t.Errorf("second AcceptInvitation in the same invitation = %v, %v; want nil, false", second, secondOK)
	}
	if op, ok := core.AcceptInvitation(retained); ok || op != nil {
		t.Errorf("AcceptInvitation on the invitation's request after New returned = %v, %v; want nil, false", op, ok)
	}
	if len(p.Operators()) != 1 {
		t.Errorf("the party has %d operators, want 1", len(p.Operators()))
	}
}

// An invitation the app did not accept while it was served cannot be
// accepted later, even for the first time.
func TestAcceptInvitationAfterTheInvitationIsFalse(t *testing.T) {
	var retained *http.Request
	var header string
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		retained, header = r, r.Header.Get(core.TokenHeader)
	})
	p, err := core.New(app, invitePaths(""), core.AllowDecline())
	if err != nil {
		t.Fatal(err)
	}
	if op, ok := core.AcceptInvitation(retained); ok {
		t.Errorf("late AcceptInvitation (context) = %v, true", op)
	}
	late := httptest.NewRequest(http.MethodGet, "/__invite__/", nil)
	late.Header.Set(core.TokenHeader, header)
	if op, ok := core.AcceptInvitation(late); ok {
		t.Errorf("late AcceptInvitation (token) = %v, true", op)
	}
	if inv := p.Invitations()[0]; inv.Joined || len(p.Operators()) != 0 {
		t.Errorf("invitation = %+v with %d operators; want not joined, none", inv, len(p.Operators()))
	}
}

func TestAcceptInvitationRefusesOrdinaryRequests(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/__invite__/", nil)
	if op, ok := core.AcceptInvitation(r); ok || op != nil {
		t.Fatalf("AcceptInvitation(ordinary request) = %v, %v", op, ok)
	}
}

// A bridge that builds a fresh request with context.Background() but copies
// the headers still delivers the operator, through the token.
func TestAcceptInvitationThroughABridgeThatDropsTheContext(t *testing.T) {
	root, blog := newTestApp("root", nil), newTestApp("blog", nil)
	mux := dispatcher(mountPoint{"", root}, mountPoint{"/blog", bridge(blog)})
	p, err := core.New(mux, invitePaths("", "/blog"))
	if err != nil {
		t.Fatal(err)
	}
	op := blog.operator(t)
	if op.Party() != p || op.InvitePath() != "/blog/__invite__/" {
		t.Fatalf("operator through the bridge: party %p (want %p), invite path %q", op.Party(), p, op.InvitePath())
	}
	if inv := p.Invitations()[1]; !inv.Joined {
		t.Errorf("invitation through the bridge = %+v, want joined", inv)
	}
}

// The context and the token are two carriers of one invitation: accepting
// through one voids the other.
func TestAcceptInvitationOnceAcrossBothCarriers(t *testing.T) {
	var viaToken, viaContext bool
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fresh := httptest.NewRequest(r.Method, r.URL.String(), nil)
		fresh.Header = r.Header.Clone()
		_, viaToken = core.AcceptInvitation(fresh)
		_, viaContext = core.AcceptInvitation(r)
	})
	if _, err := core.New(app, invitePaths("")); err != nil {
		t.Fatal(err)
	}
	if !viaToken || viaContext {
		t.Errorf("via token = %v, then via context = %v; want true, false", viaToken, viaContext)
	}
}

func TestAcceptInvitationRefusesForgedAndReplayedTokens(t *testing.T) {
	var tokens []string
	var results [][2]bool // [replayed token of the previous invitation, own token]
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get(core.TokenHeader)
		try := func(tok string) bool {
			fresh := httptest.NewRequest(http.MethodGet, r.URL.String(), nil)
			fresh.Header.Set(core.TokenHeader, tok)
			_, ok := core.AcceptInvitation(fresh)
			return ok
		}
		var res [2]bool
		if len(tokens) > 0 {
			res[0] = try(tokens[len(tokens)-1])
		}
		tokens = append(tokens, tok)
		// Forged tokens, tried while a real one is live.
		for _, forged := range []string{
			"00000000000000000000000000000000",
			"ffffffffffffffffffffffffffffffff",
			tok[:31],
			tok + "0",
			" " + tok,
			"not a token",
		} {
			if try(forged) {
				t.Errorf("forged token %q accepted", forged)
			}
		}
		res[1] = try(tok)
		results = append(results, res)
	})
	if _, err := core.New(app, invitePaths("/a", "/b", "/c")); err != nil {
		t.Fatal(err)
	}
	for i, res := range results {
		if res[0] {
			t.Errorf("invitation %d: the token of invitation %d, replayed, was accepted", i, i-1)
		}
		if !res[1] {
			t.Errorf("invitation %d: its own token was refused", i)
		}
	}
	// Every token is void once New has returned.
	for _, tok := range tokens {
		r := httptest.NewRequest(http.MethodGet, "/__invite__/", nil)
		r.Header.Set(core.TokenHeader, tok)
		if _, ok := core.AcceptInvitation(r); ok {
			t.Errorf("token %s accepted after its invitation", tok)
		}
	}
}

func TestTokenIs128RandomBitsInHex(t *testing.T) {
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]bool{}
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		vals := r.Header.Values(core.TokenHeader)
		if len(vals) != 1 || !hex32.MatchString(vals[0]) {
			t.Errorf("%s header = %q, want one value of 32 hex digits (128 bits)", core.TokenHeader, vals)
			return
		}
		if seen[vals[0]] {
			t.Errorf("token %s sent twice", vals[0])
		}
		seen[vals[0]] = true
	})
	for range 20 {
		if _, err := core.New(app, invitePaths("", "/a", "/b"), core.AllowDecline()); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) != 60 {
		t.Errorf("%d distinct tokens for 60 invitations", len(seen))
	}
}
