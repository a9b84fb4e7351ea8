package integration_test

// Issue 15: a second party, started separately (its own httptest server),
// is linked to through its manifest: a gin shop builds the URL of an echo
// billing app's invoice, absolute on the billing server, and following it
// reaches the invoice; a bad manifest keeps the previous one, a new one
// replaces it.

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	echo4 "github.com/labstack/echo/v4"
	partyecho "github.com/partyline-go/partyline/adapters/echo"
	partygin "github.com/partyline-go/partyline/adapters/gin"
	"github.com/partyline-go/partyline/core"
	"github.com/partyline-go/partyline/urlfor"
)

// rmBilling is the second service: an echo app at /billing whose manifest
// is served at /manifest.json. extra adds a route after it started.
func rmBilling(t *testing.T) (srv *httptest.Server, extra func()) {
	e := echo4.New()
	_, err := partyecho.Join(e, partyecho.Namespace("billing"))
	xfMust(t, err)
	e.GET("/invoices/:id", func(c echo4.Context) error {
		id, err := partyecho.Param(c, "id")
		if err != nil {
			return err
		}
		return c.String(http.StatusOK, "invoice "+id)
	}).Name = "invoice"
	dispatch := http.NewServeMux()
	dispatch.Handle("/billing/", http.StripPrefix("/billing", e))
	party, err := core.New(dispatch, []string{"/billing/__invite__/"})
	xfMust(t, err)
	dispatch.Handle("/manifest.json", urlfor.New(party).ManifestHandler(urlfor.ManifestOptions{Namespaces: []string{"billing"}}))
	srv = httptest.NewServer(party)
	t.Cleanup(srv.Close)
	return srv, func() {
		e.GET("/receipts/:id", func(c echo4.Context) error { return c.String(http.StatusOK, "receipt") }).Name = "receipt"
	}
}

func rmGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	xfMust(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestRemotePartyThroughItsManifest(t *testing.T) {
	billing, addReceipt := rmBilling(t)

	gin.SetMode(gin.TestMode)
	shop := gin.New()
	h, err := partygin.Join(shop, partygin.Namespace("shop"))
	xfMust(t, err)
	h.Router(shop).Named("checkout").GET("/checkout/:id", func(c *gin.Context) {
		u, err := h.URL(c, "billing:invoice", "id", c.Param("id"))
		if err != nil {
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		c.String(http.StatusOK, u)
	})
	dispatch := http.NewServeMux()
	dispatch.Handle("/shop/", http.StripPrefix("/shop", shop))
	party, err := core.New(dispatch, []string{"/shop/__invite__/"})
	xfMust(t, err)
	srv := httptest.NewServer(party)
	defer srv.Close()

	status, manifest := rmGet(t, billing.URL+"/manifest.json")
	if status != http.StatusOK {
		t.Fatalf("GET manifest: %d %s", status, manifest)
	}
	remote, err := urlfor.New(party).AddRemote([]byte(manifest), billing.URL)
	xfMust(t, err)

	// The shop's handler builds the invoice's URL on the billing server,
	// and following it reaches the invoice with the value.
	status, link := rmGet(t, srv.URL+"/shop/checkout/a%20b")
	if want := billing.URL + "/billing/invoices/a%20b"; status != http.StatusOK || link != want {
		t.Fatalf("checkout: %d %q, want %q", status, link, want)
	}
	if status, body := rmGet(t, link); status != http.StatusOK || body != "invoice a b" {
		t.Errorf("GET %s: %d %q", link, status, body)
	}
	var ue *urlfor.UnknownEndpointError
	if _, err := h.URL(nil, "billing:invoce", "id", "1"); !errors.As(err, &ue) || !strings.Contains(err.Error(), `did you mean "billing:invoice"`) {
		t.Errorf("misspelt remote endpoint: %v", err)
	}

	// A bad manifest changes nothing.
	for _, bad := range []string{"<html>", strings.Replace(manifest, "partyline.manifest/1", "partyline.manifest/9", 1)} {
		if err := remote.Reload([]byte(bad)); err == nil {
			t.Errorf("Reload(%.30q) succeeded", bad)
		}
	}
	if status, link := rmGet(t, srv.URL+"/shop/checkout/7"); status != http.StatusOK || link != billing.URL+"/billing/invoices/7" {
		t.Errorf("after bad manifests: %d %q", status, link)
	}

	// The billing service adds a route; its new manifest is loaded.
	addReceipt()
	_, manifest = rmGet(t, billing.URL+"/manifest.json")
	xfMust(t, remote.Reload([]byte(manifest)))
	u, err := h.URL(nil, "billing:receipt", "id", "9")
	if want := billing.URL + "/billing/receipts/9"; err != nil || u != want {
		t.Fatalf("receipt after reload: %q, %v; want %q", u, err, want)
	}
	if status, body := rmGet(t, u); status != http.StatusOK || body != "receipt" {
		t.Errorf("GET %s: %d %q", u, status, body)
	}
}
