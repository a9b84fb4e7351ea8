package fiberdialect

import (
	"regexp"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

// TestRawClass: rawClass and nonRawClass are the bytes urlfor writes raw
// in a path segment, and the others, asked of urlfor itself.
func TestRawClass(t *testing.T) {
	tpl, err := urlfor.NewTemplate("/:v", []urlfor.Part{urlfor.Literal("/"), urlfor.Param("v")})
	if err != nil {
		t.Fatal(err)
	}
	raw, nonRaw := regexp.MustCompile(`^`+rawClass+`$`), regexp.MustCompile(`^`+nonRawClass+`$`)
	for b := 1; b < 0x80; b++ {
		v := string(rune(b))
		u, err := tpl.Build("v", "x"+v) // "x": "." alone is a dot segment
		written := err == nil && u == "/x"+v
		if raw.MatchString(v) != written || nonRaw.MatchString(v) == written {
			t.Errorf("%q: urlfor writes it raw: %v; rawClass %v, nonRawClass %v", v, written, raw.MatchString(v), nonRaw.MatchString(v))
		}
	}
}
