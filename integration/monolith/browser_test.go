package monolith_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	const how = "no Chromium found (looked for chromium, chromium-browser, google-chrome in PATH); install it with: sudo apt-get install -y chromium"
	if os.Getenv("CI") == "true" {
		t.Fatal(how)
	}
	skip(t, how)
	return ""
}

// skip skips t and says why on stderr too: go test prints a skip's message
// only with -v, and a browser test that silently does nothing looks like
// one that passed.
func skip(t *testing.T, why string) {
	t.Helper()
	fmt.Fprintf(os.Stderr, "%s SKIPPED: %s\n", t.Name(), why)
	t.Skip(why)
}

// screenshot is where the browser test writes its screenshot of the shop:
// docs/demo.png at the root of the repository, which the README shows.
const screenshot = "../../docs/demo.png"

// TestBrowser clicks through the site in headless Chromium: from the Gin
// shop to the echo v5 blog, a post, the comment form (posted to echo v5,
// redirected by name to the chi admin), the mux API page, the admin, the
// fiber v2 legacy app, from a legacy page to a fiber v3 event and back,
// the events list, from an event to the echo v5 blog, from a post to its
// echo v4 archived predecessor and forward again, the archive, from an
// archived post to a fiber v2 page, the net/http help, back to the shop and
// on to the API's JSON, checking titles and URLs at each step. On the way it
// checks the badges (on the shop's page and on links built in the browser),
// takes the screenshot of the shop that the README shows (a 1000x700
// viewport, written to docs/demo.png), and uses the inspector's form with
// a good and a bad endpoint.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		skip(t, "the browser test does not run with -short")
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

	do("set the viewport", chromedp.EmulateViewport(1000, 700))
	do("open the shop", chromedp.Navigate(srv.URL+"/"))
	at("the shop (gin)", "/", "Shop")
	// The review's badge: the endpoint and the framework, visible.
	badge, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const b = document.querySelector('a[data-endpoint="blog:post"] .badge');
		const r = b.getBoundingClientRect(), s = getComputedStyle(b);
		return [b.textContent, String(r.width > 0 && r.height > 0 && s.visibility === "visible"), s.backgroundColor];
	})()`))
	if err != nil || len(badge) != 3 || badge[0] != "blog:post · echo v5" || badge[1] != "true" || badge[2] == "rgba(0, 0, 0, 0)" {
		t.Errorf("the review's badge: %q (err %v); want \"blog:post · echo v5\", visible, on a colour (the stylesheet)", badge, err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if old, err := os.ReadFile(screenshot); err != nil || !bytes.Equal(old, png) {
		if err := os.MkdirAll(filepath.Dir(screenshot), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%-30s wrote %s (%d bytes)", "screenshot of the shop", screenshot, len(png))
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
	// The links to other apps carry their badge; the help app's own does not.
	clientBadges, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](
		`[...document.querySelectorAll("a.client-link")].map(a => [a.dataset.endpoint, a.querySelector(".badge")?.dataset.endpoint || ""])`))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range clientBadges {
		if want := b[0]; strings.HasPrefix(b[0], "help:") && b[1] != "" || !strings.HasPrefix(b[0], "help:") && b[1] != want {
			t.Errorf("the client link to %s has a badge for %q", b[0], b[1])
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

	// The inspector: its form builds a URL, which is a link with its
	// badge, or shows the typed error.
	do("back to the shop", chromedp.Navigate(srv.URL+"/"))
	at("the shop (gin)", "/", "Shop")
	click("click the inspector", "#nav-party")
	at("the inspector", "/__party__", "The party")
	// waitFor waits until the JavaScript expression is true.
	waitFor := func(step, expr string) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
				t.Logf("%-30s %s", step, expr)
				return
			}
		}
		t.Fatalf("%s: %s never became true", step, expr)
	}
	build := func(step, name, key, value string) {
		t.Helper()
		do(step,
			chromedp.SetValue(chromedp.CSS("#build-name"), name),
			chromedp.SetValue(chromedp.CSS(`input[aria-label="key 0"]`), key),
			chromedp.SetValue(chromedp.CSS(`input[aria-label="value 0"]`), value),
			chromedp.Click(chromedp.CSS(`#build-form button`)))
	}
	build("build blog:post", "blog:post", "slug", "red-shoes-review")
	waitFor("the URL is shown", `document.readyState === "complete" && document.querySelector("#result-url")?.textContent === "/blog/posts/red-shoes-review"`)
	click("open the built URL", `#result a[data-endpoint="blog:post"]`)
	at("built -> a post (echo v5)", "/blog/posts/red-shoes-review", "Red shoes, reviewed")
	click("click the inspector", "#nav-party")
	at("the inspector", "/__party__", "The party")
	build("build blog:pots", "blog:pots", "slug", "a b")
	waitFor("the error is shown", `document.readyState === "complete" && document.querySelector("#result .error-type")?.textContent === "*urlfor.UnknownEndpointError"`)
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#result .error-text")))
	if err != nil || !strings.Contains(text, `did you mean "blog:post"?`) {
		t.Errorf("the inspector's error: %q (%v)", text, err)
	}
}
