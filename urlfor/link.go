package urlfor

import (
	"strings"
)

// LinkValue returns one link-value of an RFC 8288 Link header field:
// "<" target ">" followed by the rel parameter and params (key, value,
// key, value...), each value a quoted-string: `</api/items?page=2>;
// rel="next"`. Bytes the target may not hold inside "<>" (controls, space,
// "<", ">", '"', and non-ASCII, which RFC 3986 does not allow raw) are
// percent-encoded, so a URL from anywhere cannot break out of the field;
// in quoted values '"' and '\' are escaped (RFC 9110 §5.6.4). An empty
// rel, an odd number of params, a parameter name that is not a token, or a
// control byte in a value is an error wrapping [ErrBadCall]. Join several
// with [JoinLinks].
func LinkValue(target, rel string, params ...string) (string, error) {
	if rel == "" {
		return "", badCall("LinkValue: empty rel")
	}
	if len(params)%2 != 0 {
		return "", badCall("LinkValue: odd number of params (%d)", len(params))
	}
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(target); i++ {
		c := target[i]
		if c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' {
			b.WriteString("%" + string(upperhex[c>>4]) + string(upperhex[c&15]))
			continue
		}
		b.WriteByte(c)
	}
	b.WriteByte('>')
	write := func(k, v string) error {
		if !isToken(k) {
			return badCall("LinkValue: parameter name %s is not a token", quote(k))
		}
		b.WriteString("; " + k + `="`)
		for i := 0; i < len(v); i++ {
			switch c := v[i]; {
			case c < ' ' && c != '\t' || c == 0x7f:
				return badCall("LinkValue: parameter %s holds a control byte", quote(k))
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte('"')
		return nil
	}
	if err := write("rel", rel); err != nil {
		return "", err
	}
	for i := 0; i < len(params); i += 2 {
		if err := write(params[i], params[i+1]); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// JoinLinks joins link-values into one Link header field value (RFC 8288
// §3: a comma-separated list).
func JoinLinks(values ...string) string { return strings.Join(values, ", ") }

// isToken reports whether s is an RFC 9110 token (tchar+).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}
