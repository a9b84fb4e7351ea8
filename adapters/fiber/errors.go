package partyfiber

import (
	"errors"
	"fmt"

	"github.com/partyline-go/partyline/urlfor"
)

var (
	// ErrBadOption is returned by [Join] for a malformed option: an invite
	// route that does not start with "/" or holds fiber parameter
	// characters, a namespace with ":".
	ErrBadOption = errors.New("partyfiber: bad option")

	// ErrNilApp is returned by [Join] for a nil *fiber.App.
	ErrNilApp = errors.New("partyfiber: nil *fiber.App")

	// ErrAlreadyJoined is returned by [Join] for an app that already
	// joined: an app has one invite route and one membership.
	ErrAlreadyJoined = errors.New("partyfiber: app already joined")

	// ErrNotJoined is returned by the package-level [URL] and [Redirect]
	// when the context's app (c.App()) never called [Join]. It wraps
	// [urlfor.ErrNotInvited], like every error of an app not yet invited.
	ErrNotJoined = fmt.Errorf("partyfiber: the app never joined (call partyfiber.Join): %w", urlfor.ErrNotInvited)

	// ErrRedirectStatus is returned by Redirect for a status outside
	// 300-399.
	ErrRedirectStatus = errors.New("partyfiber: redirect status is not 3xx")

	// ErrNilContext is returned for a nil *fiber.Ctx where the context is
	// needed (AbsoluteURL, Redirect, the package-level helpers).
	ErrNilContext = fmt.Errorf("partyfiber: nil *fiber.Ctx (%w)", urlfor.ErrBadCall)
)
