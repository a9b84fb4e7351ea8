package partygin_test

import (
	"errors"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/urlfor"
)

const pageTemplate = `{{define "page.tmpl"}}<ul>
<li><a href="{{urlFor "post" "id" .ID}}">this app's post</a></li>
<li><a href="{{urlFor "shop:item" "id" .ID "ref" "a&b"}}">the shop's item</a></li>
<li><a href="{{urlFor "file" "path" .Path}}">a file of the shop</a></li>
</ul>{{end}}`

const brokenTemplate = `{{define "broken.tmpl"}}<a href="{{urlFor "nowhere"}}">x</a>{{end}}`

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// TestFuncMapRendersWithGin renders an html/template through gin's own
// HTML renderer (SetFuncMap, then LoadHTMLGlob or LoadHTMLFiles, then
// c.HTML) and follows the links it makes.
func TestFuncMapRendersWithGin(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"page.tmpl": pageTemplate, "broken.tmpl": brokenTemplate} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, load := range []string{"LoadHTMLGlob", "LoadHTMLFiles"} {
		t.Run(load, func(t *testing.T) {
			shop := gin.New()
			sh, err := partygin.Join(shop)
			if err != nil {
				t.Fatal(err)
			}
			sr := sh.Router(shop)
			sr.Named("item").GET("/items/:id", report)
			sr.Named("file").GET("/files/*path", report)

			blog := gin.New()
			bh, err := partygin.Join(blog)
			if err != nil {
				t.Fatal(err)
			}
			// Installed before the invitation, as gin wants it before loading.
			blog.SetFuncMap(bh.FuncMap())
			switch load {
			case "LoadHTMLGlob":
				blog.LoadHTMLGlob(filepath.Join(dir, "*.tmpl"))
			default:
				blog.LoadHTMLFiles(filepath.Join(dir, "page.tmpl"), filepath.Join(dir, "broken.tmpl"))
			}
			br := bh.Router(blog)
			br.Named("post").GET("/posts/:id", report)
			br.Named("page").GET("/page/:id", func(c *gin.Context) {
				c.HTML(http.StatusOK, "page.tmpl", gin.H{"ID": c.Param("id"), "Path": "docs/a b.txt"})
			})
			var mu sync.Mutex
			var renderErrs []error
			br.Named("broken").GET("/broken", func(c *gin.Context) {
				c.HTML(http.StatusOK, "broken.tmpl", nil)
				mu.Lock()
				renderErrs = append(renderErrs, c.Errors.Last())
				mu.Unlock()
			})
			_, srv := party(t, mount{"/shop", shop}, mount{"/blog", blog})

			resp, body := get(t, srv.Client(), srv, "/blog/page/7")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET /blog/page/7: %d %s", resp.StatusCode, body)
			}
			var links []string
			for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
				links = append(links, html.UnescapeString(m[1]))
			}
			want := []string{"/blog/posts/7", "/shop/items/7?ref=a%26b", "/shop/files/docs/a%20b.txt"}
			if !reflect.DeepEqual(links, want) {
				t.Fatalf("links = %q, want %q\n%s", links, want, body)
			}
			reached := []hit{
				{"/posts/:id", map[string]string{"id": "7"}},
				{"/items/:id", map[string]string{"id": "7"}},
				{"/files/*path", map[string]string{"path": "/docs/a b.txt"}},
			}
			for i, u := range links {
				if got := follow(t, srv, u); !reflect.DeepEqual(got, reached[i]) {
					t.Errorf("GET %s reached %+v, want %+v", u, got, reached[i])
				}
			}

			get(t, srv.Client(), srv, "/blog/broken")
			mu.Lock()
			defer mu.Unlock()
			if len(renderErrs) != 1 || !errors.Is(renderErrs[0], urlfor.ErrUnknownEndpoint) {
				t.Errorf("rendering an unknown endpoint: %v, want ErrUnknownEndpoint in c.Errors", renderErrs)
			}
		})
	}
}
