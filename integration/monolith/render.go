package monolith

import (
	"bytes"
	"html/template"
	"net/http"
)

// render executes one page into a buffer first, so that a failed urlFor
// becomes a 500 instead of half a page.
func render(w http.ResponseWriter, t *template.Template, name string, data any) {
	renderStatus(w, http.StatusOK, t, name, data)
}

// renderStatus is render with another status than 200.
func renderStatus(w http.ResponseWriter, code int, t *template.Template, name string, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = buf.WriteTo(w)
}
