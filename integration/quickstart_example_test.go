package integration_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
)

// The README's quickstart: a Gin shop links to a post of an Echo blog
// mounted at /blog, knowing only the post's endpoint name.
func Example_quickstart() {
	gin.SetMode(gin.ReleaseMode)

	blog := echo.New() // an Echo blog...
	if _, err := partyecho.Join(blog); err != nil {
		panic(err)
	}
	blog.GET("/posts/:id", func(c echo.Context) error {
		return c.String(http.StatusOK, "post "+c.Param("id"))
	}).Name = "post"

	shop := gin.New() // ...and a Gin shop
	h, err := partygin.Join(shop, partygin.Namespace("shop"))
	if err != nil {
		panic(err)
	}
	h.Router(shop).Named("home").GET("/", func(c *gin.Context) {
		u, err := h.URL(c, "blog:post", "id", "7") // the blog's route, mount point included
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.String(http.StatusOK, "read %s", u)
	})

	mux := http.NewServeMux() // any dispatcher
	mux.Handle("/", shop)
	mux.Handle("/blog/", http.StripPrefix("/blog", blog))
	party, err := core.New(mux, []string{"/__invite__/", "/blog/__invite__/"})
	if err != nil {
		panic(err)
	}

	srv := httptest.NewServer(party) // http.ListenAndServe(addr, party) in a real program
	defer srv.Close()
	for _, path := range []string{"/", "/blog/posts/7"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			panic(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s -> %s\n", path, body)
	}
	// Output:
	// / -> read /blog/posts/7
	// /blog/posts/7 -> post 7
}
