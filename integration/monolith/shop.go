package monolith

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
)

// newShop is the Gin app at "/". Gin has no route names: partygin's
// Router gives them.
func newShop(s *Store, d *directory, opts ...partygin.Option) (*gin.Engine, *partygin.Handle, error) {
	e := gin.New()
	e.Use(gin.Recovery())
	h, err := partygin.Join(e, append([]partygin.Option{partygin.Namespace("shop")}, opts...)...)
	if err != nil {
		return nil, nil, err
	}
	e.SetHTMLTemplate(parse(d, "shop", h.FuncMap(), shopPages))
	r := h.Router(e)
	r.Named("home").GET("/", func(c *gin.Context) {
		c.HTML(http.StatusOK, "shop/home", view{"Shop", s})
	})
	r.Named("product").GET("/products/:id", func(c *gin.Context) {
		id, _ := strconv.Atoi(c.Param("id"))
		p, ok := s.Product(id)
		if !ok {
			c.String(http.StatusNotFound, "no such product")
			return
		}
		c.HTML(http.StatusOK, "shop/product", view{p.Name, p})
	})
	r.Named("search").GET("/search", func(c *gin.Context) {
		q := strings.ToLower(c.Query("q"))
		var found []Product
		for _, p := range s.Products {
			if q != "" && strings.Contains(strings.ToLower(p.Name), q) {
				found = append(found, p)
			}
		}
		c.HTML(http.StatusOK, "shop/search", view{"Search", found})
	})
	return e, h, nil
}
