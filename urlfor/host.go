package urlfor

import (
	"net/netip"
	"strings"
)

// hostProblem says why host is not a host[:port] an absolute URL may carry,
// or "" when it is: a DNS host name (RFC 1123 labels of letters, digits
// and hyphens, at most 63 bytes each, 253 in all, an optional final dot),
// which includes internationalized names in their IDNA form ("xn--" labels,
// RFC 5890); an IPv4 address; or an IPv6 address in brackets (RFC 3986
// §3.2.2); then an optional ":port" of at most five digits up to 65535.
// RFC 3986's reg-name is wider (it admits sub-delims such as "'", "(" and
// ";"), but no DNS name holds them, and a host taken from a request header
// ends up in links and e-mails: "x'onmouseover='..." must not.
//
// host must not escape: a Request's Origin is checked on every build, and a
// leak would move every Request to the heap. Hence the hand-made loops
// (strconv, strings.SplitSeq and netip keep their input in errors or
// closures); only an IPv6 literal is cloned for netip.
func hostProblem(host string) string {
	name, port := host, ""
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return "opens \"[\" without closing it"
		}
		name, port = host[:end+1], host[end+1:]
		if a, err := netip.ParseAddr(strings.Clone(name[1 : len(name)-1])); err != nil || !a.Is6() || a.Zone() != "" {
			return "is not an IPv6 address in brackets"
		}
	} else if i := strings.LastIndexByte(host, ':'); i >= 0 {
		name, port = host[:i], host[i:]
	}
	if port != "" && !isPort(port[1:]) {
		return "has a port that is not a number from 0 to 65535"
	}
	if strings.HasPrefix(name, "[") {
		return ""
	}
	return dnsNameProblem(name)
}

// isPort: one to five decimal digits, at most 65535.
func isPort(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n <= 65535
}

// dnsNameProblem checks name as an RFC 1123 host name; an all-numeric
// dotted name must be an IPv4 address.
func dnsNameProblem(name string) string {
	const why = "is not a DNS host name (letters, digits, hyphens and dots; an international name in its IDNA form, xn--), an IPv4 address or a bracketed IPv6 address"
	trimmed := strings.TrimSuffix(name, ".")
	if trimmed == "" || len(trimmed) > 253 {
		return why
	}
	numeric := true
	for start := 0; start <= len(trimmed); {
		end := strings.IndexByte(trimmed[start:], '.')
		if end < 0 {
			end = len(trimmed)
		} else {
			end += start
		}
		label := trimmed[start:end]
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return why
		}
		for i := 0; i < len(label); i++ {
			switch c := label[i]; {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '-':
				numeric = false
			case '0' <= c && c <= '9':
			default:
				return why
			}
		}
		start = end + 1
	}
	if numeric && !isIPv4(name) {
		return why // "1.2.3" or "999.1.1.1": not a name, not an address
	}
	return ""
}

// isIPv4 reports whether s is a dotted-decimal IPv4 address as
// netip.ParseAddr reads one: four parts, 0-255, no leading zeros.
func isIPv4(s string) bool {
	parts, n, digits := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || n > 255 {
				return false
			}
			parts, n, digits = parts+1, 0, 0
			continue
		}
		if s[i] < '0' || s[i] > '9' || digits > 0 && n == 0 {
			return false // not a digit, or a leading zero
		}
		n, digits = n*10+int(s[i]-'0'), digits+1
	}
	return parts == 4
}
