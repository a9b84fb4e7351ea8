package fiberdialect

import "testing"

func TestParamValue(t *testing.T) {
	for _, c := range []struct {
		raw       string
		unescaped bool
		want      string
		err       bool
	}{
		{"a%2Fb%20c%25", false, "a/b c%", false},
		{"a+b,c;d", false, "a+b,c;d", false}, // urlfor writes these raw
		{"caf%C3%A9", false, "café", false},
		{"100%", false, "", true},
		{"100%", true, "100%", false}, // fiber decoded it already
		{"a b", true, "a b", false},
	} {
		got, err := ParamValue(c.raw, c.unescaped)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("ParamValue(%q, %v) = %q, %v; want %q, error %v", c.raw, c.unescaped, got, err, c.want, c.err)
		}
	}
}
