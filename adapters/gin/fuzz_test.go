package partygin_test

import (
	"testing"
)

// FuzzRoundTrip is the round-trip law: for arbitrary values, URL either
// refuses them or builds a URL that, requested through the real dispatcher
// (http.ServeMux + http.StripPrefix in a core party) over real HTTP,
// reaches the same route with the same values (gin's catch-all value
// starts with "/"; in the modes that hand raw values, after
// url.PathUnescape). Every route shape, in every engine mode, at a mount
// prefix and at the root.
func FuzzRoundTrip(f *testing.F) {
	for _, seed := range []string{
		" ", "a b", "/", "a/b", "/a/b", "%2F", "%", "100%", "%zz", "?", "#", "a?b#c", "..", ".", "...", "..a",
		"é", "日本", "€", "{id}", ":id", "*rest", "+", "a+b", ";", ",", "a;b,c", "!'()*", "$&=@", "~",
		"", "new", "admin", "about", "__invite__", "__INVITE__", "user_admin", "x", "m0", "\t", "\n", "a\x7fb",
		"a//b", "/a/", "a/./b", "a/../b", "\\", "\"<>", "[]", "^`{|}",
	} {
		f.Add(seed, "x")
		f.Add("x", seed)
	}
	srv, handles := lawParty(f)
	client := srv.Client()
	f.Fuzz(func(t *testing.T, a, b string) {
		for i, h := range handles {
			for _, r := range lawRoutesOf(i) {
				checkLaw(t, client, srv, h, modeOfHandle(i), r, []string{a, b})
			}
		}
	})
}
