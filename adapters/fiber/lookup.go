package partyfiber

import "github.com/gofiber/fiber/v2"

// URL is [Handle.URL] for the app serving c, found with c.App(): the
// handle need not be passed around. It fails with [ErrNotJoined] (which
// wraps urlfor.ErrNotInvited) when that app never joined, and with
// urlfor.ErrNotInvited when it joined but was not invited yet.
func URL(c *fiber.Ctx, name string, pairs ...string) (string, error) {
	h, err := handleOf(c)
	if err != nil {
		return "", err
	}
	return h.URL(c, name, pairs...)
}

// Redirect is [Handle.Redirect] for the app serving c, found with
// c.App(); see [URL] for its errors.
func Redirect(c *fiber.Ctx, code int, name string, pairs ...string) error {
	h, err := handleOf(c)
	if err != nil {
		return err
	}
	return h.Redirect(c, code, name, pairs...)
}
