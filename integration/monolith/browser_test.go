package monolith_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's Chromium. Without it the browser test skips
// locally and fails in CI (CI=true), where .ci/run installs it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	const how = "no Chromium found; install it with: sudo apt-get install -y chromium chromium-driver"
	if os.Getenv("CI") == "true" {
		t.Fatal(how)
	}
	t.Skip(how)
	return ""
}

// TestBrowser clicks through the site in headless Chromium: from the Gin
// shop to the echo v5 blog, a post, the comment form (posted to echo v5,
// redirected by name to the chi admin), the mux API page, the admin, the
// fiber v2 legacy app, from a legacy page to a fiber v3 event and back,
// the events list, from an event to the echo v5 blog, from a post to its
// echo v4 archived predecessor and forward again, the archive, from an
// archived post to a fiber v2 page, the net/http help, back to the shop and
// on to the API's JSON, checking titles and URLs at each step.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	_, srv := newServer(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// at waits until the page shows wantURL (path and query) and wantTitle.
	at := func(step, wantURL, wantTitle string) {
		t.Helper()
		var got []string
		var err error
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			got, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](
				`[location.pathname + location.search, document.readyState === "complete" ? document.title : "(loading)"]`))
			if err == nil && len(got) == 2 && got[0] == wantURL && got[1] == wantTitle {
				t.Logf("%-30s %-40s %q", step, got[0], got[1])
				return
			}
		}
		t.Fatalf("%s: the browser shows %q (err %v), want %q titled %q", step, got, err, wantURL, wantTitle)
	}
	click := func(step, sel string) { t.Helper(); do(step, chromedp.Click(chromedp.CSS(sel))) }

	do("open the shop", chromedp.Navigate(srv.URL+"/"))
	at("the shop (gin)", "/", "Shop")
	click("click Blog", "#nav-blog")
	at("the blog (echo v5)", "/blog/", "Blog")
	click("click a post", "a.post")
	at("a post (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	do("comment",
		chromedp.SendKeys(chromedp.CSS(`#comment input[name="author"]`), "Ann"),
		chromedp.SendKeys(chromedp.CSS(`#comment input[name="text"]`), "Lovely shoes"),
		chromedp.Submit(chromedp.CSS(`#comment`)))
	at("comment -> admin (chi)", "/admin/comments?post=red-shoes-review", "Comments")
	adminText, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(adminText, "Ann") || !strings.Contains(adminText, "Lovely shoes") {
		t.Errorf("the admin does not show the comment; its text:\n%s", adminText)
	}
	click("click API", "#nav-api")
	at("the API page (mux)", "/api/", "API")
	click("click Admin", "#nav-admin")
	at("the admin (chi)", "/admin/", "Admin")
	click("click Legacy", "#nav-legacy")
	at("the legacy app (fiber v2)", "/legacy/", "Legacy")
	click("click a page", "a.page")
	at("a legacy page (fiber v2)", "/legacy/pages/catalogue-2009", "The 2009 catalogue")
	click("click its event", "#event")
	at("v2 -> an event (fiber v3)", "/events/winter-market", "Winter market")
	click("click where it began", "#page")
	at("v3 -> legacy page (fiber v2)", "/legacy/pages/catalogue-2009", "The 2009 catalogue")
	click("click Events", "#nav-events")
	at("the events (fiber v3)", "/events/", "Events")
	click("click an event", "a.event")
	at("an event (fiber v3)", "/events/winter-market", "Winter market")
	click("click its blog post", "#post")
	at("v3 -> a post (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	click("click the archive", "#archive")
	at("v5 -> old post (echo v4)", "/archive/posts/first-shoes-2009", "Our first shoes (2009)")
	click("click the follow-up", "#followup")
	at("v4 -> a post (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	click("click Archive", "#nav-archive")
	at("the archive (echo v4)", "/archive/", "Archive")
	click("click an old post", "a.oldpost")
	at("an old post (echo v4)", "/archive/posts/first-shoes-2009", "Our first shoes (2009)")
	click("click its legacy page", "#page")
	at("v4 -> legacy page (fiber v2)", "/legacy/pages/catalogue-2009", "The 2009 catalogue")
	click("click Help", "#nav-help")
	at("help (net/http)", "/help/", "Help")
	click("click the client page", "#client")
	at("links built in the browser", "/help/client", "Links built in your browser")
	// The JavaScript client builds every link from the served manifest:
	// each must be the URL Go built for the same endpoint and values.
	var links [][]string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		links, err = chromedp.Run(ctx, chromedp.Evaluate[[][]string](`document.body.dataset.links !== "ready" ? null :
			[...document.querySelectorAll("a.client-link")].map(a => [a.dataset.endpoint, a.getAttribute("href") || "", a.dataset.go, a.dataset.error || ""])`))
		if err == nil && len(links) > 0 {
			break
		}
	}
	if len(links) != 8 {
		t.Fatalf("the client page built %d links (err %v), want 8", len(links), err)
	}
	for _, l := range links {
		if l[1] != l[2] || l[3] != "" {
			t.Errorf("%s: the JavaScript client built %q (error %q), Go built %q", l[0], l[1], l[3], l[2])
		}
	}
	click("click the review, built in the browser", `a.client-link[data-endpoint="blog:post"]`)
	at("JS-built link -> a post (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	click("click Help", "#nav-help")
	at("help (net/http)", "/help/", "Help")
	click("click Shop", "#nav-shop")
	at("back in the shop (gin)", "/", "Shop")
	click("click a product", "a.product")
	at("a product (gin)", "/products/1", "Red shoes")
	click("click its review", "#review")
	at("its review (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	click("click API", "#nav-api")
	at("the API page (mux)", "/api/", "API")
	click("click All items", "#items")
	at("the API's JSON (mux)", "/api/items", "")
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, `"href": "/blog/posts/red-shoes-review"`) {
		t.Errorf("the API's JSON has no link to the blog:\n%.500s", body)
	}
}
