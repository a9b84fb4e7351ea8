package adaptertest

import "strings"

// catalogue is the values RoundTrip builds URLs for. Each is there because
// some router, client or escaper gets it wrong: every ASCII punctuation
// byte alone (the reserved and unreserved sets of RFC 3986 §2.2-2.3, and
// the bytes it forbids raw); percent signs that look like escapes
// ("%2F" must come back as those three bytes, not "/"); separators of
// other grammars (",", ";", "+", "&", "=": form encoding, matrix
// parameters); dot segments, which clients and routers resolve (RFC 3986
// §5.2.4); slashes in and around values; non-ASCII, invalid UTF-8 and
// control bytes, which urlfor refuses; words that routers or the party
// treat specially; and long values.
func catalogue() []string {
	var vs []string
	for c := byte('!'); c <= '~'; c++ {
		if isPunct(c) {
			vs = append(vs, string(c))
		}
	}
	vs = append(vs,
		"abc", "7", "a b", " ", "  lead", "trail  ",
		"100%", "100%-cotton", "%", "%%", "%2F", "%2f", "%25", "%zz", "%2E%2E", "a%2Fb", "%00",
		"a,b", "Smith, John", "a;b", "a;b=c", "a+b", "+", "a&b=c", "a=b", "~user",
		"-", "_", "a.b", ".", "..", "...", ".a", "a.", "..a",
		"a/b", "a/b/c", "a//b", "/a", "a/", "/", "//", "a/./b", "a/../b", "./a", "../a", "a/.", "a/..",
		"a?b", "?", "a#b", "#", "a?b#c",
		"café", "日本", "🎉", "👍🏽", "é", "\u00a0", "\u202e", "ǅ",
		"", "\x00", "a\x00b", "\xff", "caf\xe9", "\t", "a\nb", "\r\n", "\x7f",
		"new", "NEW", "index.html", "__invite__", "{id}", ":id", "*", "*path", "null",
		"a\\b", "\\", "[::1]", "a:b", "@user",
		strings.Repeat("a", 300),
		strings.Repeat("é", 300),
		strings.Repeat("x", 4000),
		strings.Repeat("ab/", 100)+"c",
	)
	return dedupe(vs)
}

// dedupe drops repeated values, keeping the first of each.
func dedupe(vs []string) []string {
	seen := make(map[string]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// isPunct reports whether c is ASCII punctuation: printable, not a letter
// or a digit.
func isPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
}
