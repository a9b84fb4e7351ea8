package urlfor

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
)

func TestHostProblem(t *testing.T) {
	good := []string{
		"example.com", "EXAMPLE.com", "a.b-c.example", "example.com.", "localhost", "localhost:8080",
		"xn--bcher-kva.example", "10.0.0.5", "10.0.0.5:8080", "[::1]", "[::1]:443", "[2001:db8::1]",
		"a", "1a", "example.com:0", "example.com:65535", strings.Repeat("a", 63) + ".com",
	}
	bad := []string{
		"", "x'onmouseover='alert(1)", "evil.com/x", "a b", "a;b", "a,b", "a=b", "a!b", "a$b", "a&b",
		"a*b", "a+b", "a~b", "a(b)", "bücher.de", "-a.com", "a-.com", "a..com", ".a.com", "a.com..",
		"example.com:", "example.com:65536", "example.com:123456", "example.com:+80", "example.com:8a",
		"1.2.3", "1.2.3.4.5", "999.1.1.1", "01.2.3.4", "1.2.3.4.", "[::1", "[1.2.3.4]", "[fe80::1%eth0]",
		"[::1]x", "::1", "a@b", "a%2Eb", strings.Repeat("a", 64) + ".com", strings.Repeat("a.", 127) + "ab",
	}
	for _, h := range good {
		if why := hostProblem(h); why != "" {
			t.Errorf("hostProblem(%q) = %q, want none", h, why)
		}
	}
	for _, h := range bad {
		if hostProblem(h) == "" {
			t.Errorf("hostProblem(%q) = none, want a problem", h)
		}
	}
}

// isIPv4 agrees with netip.ParseAddr on dotted numbers.
func TestIsIPv4MatchesNetip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var parts []string
		for range 1 + r.IntN(5) {
			parts = append(parts, fmt.Sprint([]string{"", "0", "00", "07", "255", "256", "1000"}[r.IntN(7)], r.IntN(300)))
		}
		s := strings.Join(parts, ".")
		a, err := netip.ParseAddr(s)
		if want := err == nil && a.Is4(); isIPv4(s) != want {
			t.Fatalf("isIPv4(%q) = %v, netip %v", s, !want, want)
		}
	}
}
