package partygin_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
)

func serveIndex(c *gin.Context) { c.String(http.StatusOK, "index.html for %s", c.Param("path")) }

// A single-page app's fallback, a root catch-all, beside which gin allows
// no other GET route: JoinAhead first, then the catch-all. The invitation
// is answered ahead of routing; every other path gets the page.
func ExampleJoinAhead() {
	gin.SetMode(gin.TestMode)
	app := gin.New()
	h, err := partygin.JoinAhead(app)
	if err != nil {
		panic(err)
	}
	h.Router(app).Named("page").GET("/*path", serveIndex)

	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app", app))
	p, err := core.New(mux, []string{"/app/__invite__/"})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Invitations()[0].Joined)
	u, err := h.URL(nil, "page", "path", "orders/42")
	fmt.Println(u, err)

	for _, target := range []string{u, "/app/__invite__/"} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// true
	// /app/orders/42 <nil>
	// 200 index.html for /orders/42
	// 404 404 page not found
}

// Registered before the app joins, a root catch-all leaves no place for
// the invite route: Join says which route, and what to do.
func ExampleInviteConflictError() {
	gin.SetMode(gin.TestMode)
	app := gin.New()
	app.GET("/*path", serveIndex)
	_, err := partygin.Join(app)
	var ce *partygin.InviteConflictError
	fmt.Println(errors.As(err, &ce), errors.Is(err, partygin.ErrInvalidOption))
	fmt.Println(err)
	// Output:
	// true true
	// partygin: the route GET /*path, registered before the app joined, conflicts with the invite route /__invite__/ (gin allows no route beside it): call partygin.JoinAhead first, then register /*path
}
