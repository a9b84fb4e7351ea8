package adapterkit

import (
	"runtime"
	"sync"
	"weak"
)

// Registry maps each joined app to its handle, for Join's "an app joins
// once" rule ([ErrAlreadyJoined]) and for helpers that find the handle from
// the app a framework context carries (echo's c.Echo(), fiber's c.App()).
//
// Both sides are weak: the registry never keeps an app or a handle alive.
// An app keeps its handle alive through the invite route and hooks the
// adapter installed in it; once the app is garbage, its entry goes with it
// (runtime.AddCleanup). The zero value is ready to use; it is safe for
// concurrent use.
type Registry[App, Handle any] struct {
	m sync.Map // weak.Pointer[App] -> weak.Pointer[Handle]
}

// Add records that app joined with handle h. It fails with an error wrapping
// [ErrAlreadyJoined], prefixed with adapter, when app is already there.
func (r *Registry[App, Handle]) Add(adapter string, app *App, h *Handle) error {
	key := weak.Make(app)
	if _, loaded := r.m.LoadOrStore(key, weak.Make(h)); loaded {
		return Errorf(adapter, ErrAlreadyJoined, "an app joins once; keep the handle of the first Join")
	}
	runtime.AddCleanup(app, func(k weak.Pointer[App]) { r.m.Delete(k) }, key)
	return nil
}

// Remove forgets app, so that it may join again (an adapter whose Join
// failed after Add).
func (r *Registry[App, Handle]) Remove(app *App) { r.m.Delete(weak.Make(app)) }

// Lookup returns the handle of app, or false when app never joined (or is
// nil).
func (r *Registry[App, Handle]) Lookup(app *App) (*Handle, bool) {
	if app == nil {
		return nil, false
	}
	v, ok := r.m.Load(weak.Make(app))
	if !ok {
		return nil, false
	}
	h := v.(weak.Pointer[Handle]).Value()
	return h, h != nil
}
