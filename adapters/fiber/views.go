package partyfiber

import (
	"fmt"
	"html/template"
	"reflect"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// byViews maps a template engine (fiber.Config.Views of a joined app) to
// the app's *Handle, or to sharedViews when several joined apps use it.
var byViews sync.Map

type sharedViews struct{}

// FuncMap returns urlFor for the views of the app that has views as its
// fiber.Config.Views: a template function for Fiber's template engines that
// can be added before the app exists, as engines want their functions
// before fiber.New loads them:
//
//	engine := html.New("./views", ".html") // github.com/gofiber/template/html/v2
//	engine.AddFuncMap(partyfiber.FuncMap(engine))
//	app := fiber.New(fiber.Config{Views: engine})
//	h, err := partyfiber.Join(app)
//
// and in a view: <a href="{{urlFor "page" "id" .ID}}">. Calls resolve the
// app when they run: with local names first once the app is invited
// ([Handle.FuncMap]); [ErrNotJoined] while no app with these views joined;
// an error wrapping [ErrBadOption] when several joined apps share the
// engine (give each its own engine, or use [Handle.FuncMap]).
func FuncMap(views fiber.Views) template.FuncMap {
	return template.FuncMap{
		"urlFor": func(name string, args ...any) (string, error) {
			h, err := handleOfViews(views)
			if err != nil {
				return "", err
			}
			return h.urlFor(name, args...)
		},
	}
}

func handleOfViews(views fiber.Views) (*Handle, error) {
	if !comparableViews(views) {
		return nil, fmt.Errorf("%w: views of type %T cannot be told apart; use Handle.FuncMap", ErrBadOption, views)
	}
	v, ok := byViews.Load(views)
	if !ok {
		return nil, ErrNotJoined
	}
	h, ok := v.(*Handle)
	if !ok {
		return nil, fmt.Errorf("%w: several joined apps share the views engine %T; use Handle.FuncMap", ErrBadOption, views)
	}
	return h, nil
}

// comparableViews reports whether views can be a map key.
func comparableViews(views fiber.Views) bool {
	return views != nil && reflect.TypeOf(views).Comparable()
}

// bindViews records h as the app of its views engine.
func (h *Handle) bindViews() {
	views := h.app.Config().Views
	if !comparableViews(views) {
		return
	}
	if prev, loaded := byViews.LoadOrStore(views, h); loaded && prev != h {
		byViews.Store(views, sharedViews{})
	}
}
