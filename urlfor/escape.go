package urlfor

import (
	"strings"
	"unicode/utf8"
)

// Byte classes for escaping. RFC 3986 §3.3 lets a path segment carry
// unreserved characters, sub-delims, ":" and "@" raw. In a path we keep raw
// exactly what Go's net/url keeps raw when it writes a path
// (url.URL.EscapedPath: unreserved and "$&+,:;=@", with "/" between
// segments) and escape everything else, "!'()*" included. A path built so is
// the one net/url would choose for the decoded path, so a server parsing it
// keeps no RawPath: frameworks that route on RawPath when there is one (echo,
// chi, gin's UseRawPath) then hand handlers decoded values. Escaping "," or
// ";" instead (as url.PathEscape does) would be just as valid RFC 3986 but
// make net/url keep a RawPath, and those handlers would read "a%2Cb" for
// "a,b".
const (
	rawSegment  = 1 << iota // may appear unescaped in a path segment
	rawQuery                // may appear unescaped in a query key or value
	rawFragment             // may appear unescaped in a fragment
	hostLabel               // letter, digit or hyphen (RFC 1123 host label)
	rawPath                 // rawSegment, and "/" (the separator inside a wildcard)
)

var classes = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		unreserved := 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
			b == '-' || b == '.' || b == '_' || b == '~'
		if unreserved {
			t[c] |= rawSegment | rawPath | rawQuery | rawFragment
		}
		switch b {
		case '$', '&', '+', ',', ':', ';', '=', '@':
			t[c] |= rawSegment | rawPath
		case '/':
			t[c] |= rawPath
		}
		// RFC 3986 §3.5: fragment = *( pchar / "/" / "?" ).
		switch b {
		case '$', '&', '+', ':', '=', '@', '/', '?', '!', '\'', '(', ')', '*', ',', ';':
			t[c] |= rawFragment
		}
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' {
			t[c] |= hostLabel
		}
	}
	return t
}()

const upperhex = "0123456789ABCDEF"

// escapedLen returns the length of s once every byte outside class is
// percent-encoded.
func escapedLen(s string, class uint8) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if classes[s[i]]&class == 0 {
			n += 2
		}
	}
	return n
}

// appendEscaped appends s to b, percent-encoding every byte outside class.
// In the query class a space becomes "+", as url.QueryEscape and HTML forms
// do (application/x-www-form-urlencoded).
func appendEscaped(b []byte, s string, class uint8) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case classes[c]&class != 0:
			b = append(b, c)
		case c == ' ' && class == rawQuery:
			b = append(b, '+')
		default:
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		}
	}
	return b
}

// queryEscapedLen is escapedLen for the query class, where a space costs one
// byte ("+").
func queryEscapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; classes[c]&rawQuery == 0 && c != ' ' {
			n += 2
		}
	}
	return n
}

// checkText refuses what no URL should carry: invalid UTF-8 and NUL. An
// ASCII value, the common case, costs one pass.
func checkText(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || c >= utf8.RuneSelf {
			return checkTextSlow(s)
		}
	}
	return ""
}

func checkTextSlow(s string) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "contains a NUL byte"
	}
	return ""
}
