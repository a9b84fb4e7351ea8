package partyfiber

import (
	"github.com/partyline-go/partyline/internal/fiberdialect"
	"github.com/partyline-go/partyline/urlfor"
)

// routerMode is the Config flags the internal tests vary.
type routerMode struct {
	unescape      bool // Config.UnescapePath
	caseSensitive bool // Config.CaseSensitive
	strict        bool // Config.StrictRouting
}

// translation is a fiberdialect.Translation, as the tests call it.
type translation struct{ *fiberdialect.Translation }

func (tr translation) template(taken map[int][]urlfor.Taken) (*urlfor.Template, error) {
	return tr.Template(taken)
}

// translateParts translates pattern in fiber v2's dialect for mode m.
func translateParts(pattern string, m routerMode) (translation, error) {
	d := dialect(m.config())
	tr, err := d.Translate(pattern)
	return translation{tr}, err
}
