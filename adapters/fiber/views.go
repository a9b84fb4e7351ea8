package partyfiber

import (
	"html/template"
	"reflect"
	"runtime"
	"sync"
	"weak"

	"github.com/gofiber/fiber/v2"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

// byViews maps a views engine of a joined app to a weak.Pointer to its
// *Handle, or to sharedViews when several joined apps use it.
var byViews sync.Map

type sharedViews struct{}

// FuncMap returns urlFor for the views of the app whose fiber.Config.Views
// is views, for engines that want their functions before fiber.New:
//
//	engine := html.New("./views", ".html") // github.com/gofiber/template/html/v2
//	engine.AddFuncMap(partyfiber.FuncMap(engine))
//	app := fiber.New(fiber.Config{Views: engine})
//	h, err := partyfiber.Join(app)
//
// A call builds as [Handle.FuncMap] for the app found when it runs;
// [ErrNoHandle] while none joined, [ErrInvalidOption] when views cannot be
// a map key or several joined apps share it (use [Handle.FuncMap] then).
func FuncMap(views fiber.Views) template.FuncMap {
	return template.FuncMap{"urlFor": func(name string, args ...any) (string, error) {
		if views == nil || !reflect.TypeOf(views).Comparable() {
			return "", adapterkit.Errorf(pkg, ErrInvalidOption, "views of type %T cannot be told apart; use Handle.FuncMap", views)
		}
		v, _ := byViews.Load(views)
		if _, shared := v.(sharedViews); shared {
			return "", adapterkit.Errorf(pkg, ErrInvalidOption, "several joined apps share the views engine %T; use Handle.FuncMap", views)
		}
		wp, _ := v.(weak.Pointer[Handle])
		h := wp.Value()
		if h == nil {
			return "", errNoHandle
		}
		pairs, err := urlfor.Pairs(args...)
		if err != nil {
			return "", err
		}
		return h.kit.Build(&urlfor.Request{Name: name, Pairs: pairs})
	}}
}

// bindViews records h as the app of its views engine, until h is garbage.
func (h *Handle) bindViews() {
	views := h.app.Config().Views
	if views == nil || !reflect.TypeOf(views).Comparable() {
		return
	}
	wp := weak.Make(h)
	if _, loaded := byViews.LoadOrStore(views, wp); loaded {
		byViews.Store(views, sharedViews{})
		return
	}
	runtime.AddCleanup(h, func(v fiber.Views) { byViews.CompareAndDelete(v, wp) }, views)
}
