package core_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/partyline-go/partyline/core"
)

// An invite path nobody joins fails New, naming the path and what
// answered; AllowDecline keeps wsgi_party's "not participating".
func ExampleAllowDecline() {
	_, err := core.New(http.NotFoundHandler(), []string{"/forum/__invite__/"})
	fmt.Println(errors.Is(err, core.ErrNotJoined))
	party, err := core.New(http.NotFoundHandler(), []string{"/forum/__invite__/"}, core.AllowDecline())
	fmt.Println(err, party.Invitations()[0].Status, party.Invitations()[0].Joined)
	// Output:
	// true
	// <nil> 404 false
}

// An app that accepted and then cannot join declines with its reason,
// which New's error carries.
func ExampleOperator_Decline() {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if op, ok := core.AcceptInvitation(r); ok {
			op.Decline(errors.New("partyx: the namespace is taken"))
		}
	})
	_, err := core.New(app, []string{"/__invite__/"})
	fmt.Println(err)
	// Output: core: invitation /__invite__/: the app declined: partyx: the namespace is taken
}

// The invite paths of another service's party, from its manifest.
func ExampleNewInviteGuard() {
	g := core.NewInviteGuard([]string{"/blog/__invite__/"})
	fmt.Println(g.IsInvitePath("/blog/__INVITE__"), g.IsInvitePath("/blog/posts/1"))
	// Output: true false
}
