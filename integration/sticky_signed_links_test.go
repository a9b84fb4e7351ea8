package integration_test

// Issue 17 over real HTTP: a gin shop, an echo blog and a chi admin, each
// under /{lang}/..., keep the page's language across apps (sticky "lang");
// a URL signed by one framework's handle is verified by another's
// middleware; Link headers built by endpoint name are parsed back with a
// standard parser (github.com/peterhellberg/link, RFC 8288).

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	echo4 "github.com/labstack/echo/v4"
	partychi "github.com/partyline-go/partyline/adapters/chi"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/peterhellberg/link"
)

// ssParty serves the three apps; each handler answers the URLs it built.
func ssParty(t *testing.T) (*httptest.Server, *urlfor.Signer) {
	t.Helper()
	signer, err := urlfor.NewSigner(bytes.Repeat([]byte("s"), 32))
	xfMust(t, err)

	gin.SetMode(gin.TestMode)
	shop := gin.New()
	gh, err := partygin.Join(shop, partygin.Namespace("shop"), partygin.Sticky("lang"), partygin.SignWith(signer))
	xfMust(t, err)
	gr := gh.Router(shop)
	gr.Named("home").GET("/:lang/", func(c *gin.Context) {
		post, err1 := gh.URL(c, "blog:post", "id", "7")                                        // lang from the page
		english, err2 := gh.URL(c, "blog:post", "id", "7", "lang", "en")                       // given wins
		signed, err3 := gh.SignedURL(c, time.Now().Add(time.Hour), "admin:export", "id", "42") // verified by chi
		c.String(http.StatusOK, strings.Join([]string{post, english, signed, errText(err1, err2, err3)}, "\n"))
	})

	blog := echo4.New()
	eh, err := partyecho.Join(blog, partyecho.Namespace("blog"), partyecho.Sticky("lang"), partyecho.SignWith(signer))
	xfMust(t, err)
	blog.GET("/:lang/posts/:id", func(c echo4.Context) error {
		admin, err1 := eh.URL(c, "admin:comments")
		next, err2 := eh.Link(c, "next", "post", "id", "8")
		canonical, err3 := eh.Link(c, "canonical", "post", "id", c.Param("id"), "lang", "en")
		c.Response().Header().Set("Link", urlfor.JoinLinks(next, canonical))
		return c.String(http.StatusOK, admin+"\n"+errText(err1, err2, err3))
	}).Name = "post"
	blog.GET("/:lang/download/:id", func(c echo4.Context) error {
		return c.String(http.StatusOK, "download "+c.Param("id"))
	}, partyecho.ValidateSignature(signer)).Name = "download"

	admin := chi.NewRouter()
	ch, err := partychi.Join(admin, partychi.Namespace("admin"), partychi.Sticky("lang"), partychi.SignWith(signer))
	xfMust(t, err)
	admin.With(partychi.Name("comments")).Get("/{lang}/comments", func(w http.ResponseWriter, r *http.Request) {
		shopHome, err1 := ch.URL(r, "shop:home")
		signed, err2 := ch.SignedURL(r, time.Now().Add(time.Hour), "blog:download", "id", "9") // verified by echo
		xfWriteText(w, http.StatusOK, shopHome+"\n"+signed+"\n"+errText(err1, err2))
	})
	admin.With(partychi.Name("export"), partychi.ValidateSignature(signer)).Get("/{lang}/export/{id}", func(w http.ResponseWriter, r *http.Request) {
		xfWriteText(w, http.StatusOK, "export "+chi.URLParam(r, "id"))
	})

	dispatch := http.NewServeMux()
	dispatch.Handle("/shop/", http.StripPrefix("/shop", shop))
	dispatch.Handle("/blog/", http.StripPrefix("/blog", blog))
	dispatch.Handle("/admin/", http.StripPrefix("/admin", admin))
	party, err := core.New(dispatch, []string{"/shop/__invite__/", "/blog/__invite__/", "/admin/__invite__/"})
	xfMust(t, err)
	srv := httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return srv, signer
}

func errText(errs ...error) string {
	var s []string
	for _, err := range errs {
		if err != nil {
			s = append(s, err.Error())
		}
	}
	return strings.Join(s, "; ")
}

func ssGet(t *testing.T, url string) (*http.Response, []string) {
	t.Helper()
	resp, err := http.Get(url)
	xfMust(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, strings.Split(string(body), "\n")
}

func TestStickyLangAcrossApps(t *testing.T) {
	srv, _ := ssParty(t)
	_, lines := ssGet(t, srv.URL+"/shop/fr/")
	if lines[0] != "/blog/fr/posts/7" || lines[1] != "/blog/en/posts/7" || lines[3] != "" {
		t.Fatalf("gin shop (fr): %q", lines)
	}
	// echo follows with the same language to the chi admin, which links
	// back to the shop in it.
	_, lines = ssGet(t, srv.URL+lines[0])
	if lines[0] != "/admin/fr/comments" || lines[1] != "" {
		t.Fatalf("echo blog (fr): %q", lines)
	}
	_, lines = ssGet(t, srv.URL+lines[0])
	if lines[0] != "/shop/fr/" || lines[2] != "" {
		t.Fatalf("chi admin (fr): %q", lines)
	}
}

func TestSignedURLAcrossFrameworks(t *testing.T) {
	srv, _ := ssParty(t)
	_, shop := ssGet(t, srv.URL+"/shop/de/")
	_, admin := ssGet(t, srv.URL+"/admin/de/comments")
	for _, c := range []struct{ by, url, want string }{
		{"gin signs, chi verifies", shop[2], "export 42"},
		{"chi signs, echo verifies", admin[1], "download 9"},
	} {
		if !strings.Contains(c.url, "signature=") {
			t.Fatalf("%s: no signed URL (%q)", c.by, c.url)
		}
		resp, body := ssGet(t, srv.URL+c.url)
		if resp.StatusCode != http.StatusOK || body[0] != c.want {
			t.Errorf("%s: GET %s: %d %q", c.by, c.url, resp.StatusCode, body)
		}
		for name, bad := range map[string]string{
			"tampered": strings.Replace(c.url, "/de/", "/en/", 1),
			"extended": c.url + "&admin=1",
			"unsigned": strings.Split(c.url, "?")[0],
		} {
			if resp, _ := ssGet(t, srv.URL+bad); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s, %s URL %s: %d, want 403", c.by, name, bad, resp.StatusCode)
			}
		}
	}
}

func TestLinkHeadersParsedBack(t *testing.T) {
	srv, _ := ssParty(t)
	resp, _ := ssGet(t, srv.URL+"/blog/fr/posts/7")
	group := link.ParseResponse(resp)
	if next := group["next"]; next == nil || next.URI != "/blog/fr/posts/8" {
		t.Errorf("rel=next: %+v (Link: %q)", next, resp.Header.Get("Link"))
	}
	if canonical := group["canonical"]; canonical == nil || canonical.URI != "/blog/en/posts/7" {
		t.Errorf("rel=canonical: %+v (Link: %q)", canonical, resp.Header.Get("Link"))
	}
}
