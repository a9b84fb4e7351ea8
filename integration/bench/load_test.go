package bench

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partyline-go/partyline/integration/monolith"
)

// The load test's parameters: loadClients concurrent clients, each asking
// for the pages of loadMix in turn as fast as the site answers, in
// loadRounds rounds of loadRound per site; loadComments comment posts in
// between; and the tolerance: after the posts, requests/s and p99 latency
// may be at most loadTolerance worse than before.
const (
	loadClients   = 16
	loadRounds    = 6
	loadRound     = 500 * time.Millisecond
	loadComments  = 10_000
	loadTolerance = 0.20
)

// loadMix is the pages of the load: every app, the pages that show
// comments and their counts among them, and the inspector.
var loadMix = []string{
	"/",
	"/products/1",
	"/blog/",
	"/blog/posts/red-shoes-review",
	"/blog/posts/hats-for-every-season",
	"/events/winter-market",
	"/api/items",
	"/admin/",
	"/admin/comments",
	"/admin/comments?post=red-shoes-review",
	"/help/topics/search",
	"/archive/posts/first-shoes-2009",
	"/legacy/pages/catalogue-2009",
	"/__party__",
}

// loadSite is one demo site served on loopback, with the clients that
// load it.
type loadSite struct {
	name   string
	site   *monolith.Site
	srv    *httptest.Server
	client *http.Client
}

func newLoadSite(t *testing.T, name string) *loadSite {
	t.Helper()
	site, err := monolith.New(monolith.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	// One kept-alive connection per client: the default keeps two, and
	// the others would measure TCP set-up.
	tr := &http.Transport{MaxIdleConns: 2 * loadClients, MaxIdleConnsPerHost: 2 * loadClients}
	t.Cleanup(func() {
		tr.CloseIdleConnections()
		srv.Close()
		_ = site.Close()
	})
	return &loadSite{name: name, site: site, srv: srv, client: &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// loadResult is what a site answered over one or more rounds.
type loadResult struct {
	requests  int
	bytes     int64
	elapsed   time.Duration
	latencies []time.Duration
}

func (r *loadResult) add(o loadResult) {
	r.requests += o.requests
	r.bytes += o.bytes
	r.elapsed += o.elapsed
	r.latencies = append(r.latencies, o.latencies...)
}

func (r *loadResult) rps() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// quantile returns the q quantile of the latencies (q in [0, 1]).
func (r *loadResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func (r *loadResult) String() string {
	return fmt.Sprintf("%6.0f requests/s, p50 %v, p99 %v (%d requests, %.1f KB a page)",
		r.rps(), r.quantile(0.50).Round(10*time.Microsecond), r.quantile(0.99).Round(10*time.Microsecond),
		r.requests, float64(r.bytes)/float64(max(r.requests, 1))/1024)
}

// load runs loadClients clients against s for d and returns what they got.
// Any answer but 200 fails t.
func (s *loadSite) load(t *testing.T, d time.Duration) loadResult {
	t.Helper()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		res      loadResult
		failures atomic.Int64
		stop     atomic.Bool
	)
	start := time.Now()
	for c := range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var n int64
			for i := c; !stop.Load(); i++ {
				path := loadMix[i%len(loadMix)]
				t0 := time.Now()
				resp, err := s.client.Get(s.srv.URL + path)
				if err != nil {
					failures.Add(1)
					t.Errorf("%s: GET %s: %v", s.name, path, err)
					return
				}
				m, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat = append(lat, time.Since(t0))
				n += m
				if resp.StatusCode != http.StatusOK && failures.Add(1) <= 3 {
					t.Errorf("%s: GET %s: status %d", s.name, path, resp.StatusCode)
				}
			}
			mu.Lock()
			res.requests += len(lat)
			res.bytes += n
			res.latencies = append(res.latencies, lat...)
			mu.Unlock()
		}()
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	res.elapsed = time.Since(start)
	if failures.Load() > 0 {
		t.FailNow()
	}
	return res
}

// comment posts n comments to s from loadClients clients, as the blog's
// form does, and checks each is redirected to the admin.
func (s *loadSite) comment(t *testing.T, n int) time.Duration {
	t.Helper()
	posts := []string{"red-shoes-review", "hats-for-every-season"}
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range loadClients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				post := posts[i%len(posts)]
				resp, err := s.client.PostForm(s.srv.URL+"/blog/posts/"+post+"/comments", url.Values{
					"author": {fmt.Sprintf("load %d", i)},
					"text":   {fmt.Sprintf("comment %d: a short text, like the ones people write, with <markup> & escapes", i)},
				})
				if err != nil {
					t.Errorf("comment %d: %v", i, err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusSeeOther {
					t.Errorf("comment %d: status %d, want 303", i, resp.StatusCode)
					return
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if posted, _ := s.site.Store.CommentCount(""); posted != n {
		t.Fatalf("%d comments stored, want %d", posted, n)
	}
	return time.Since(start)
}

// TestLoad serves the demo on loopback and loads it with loadClients
// concurrent clients asking for loadMix, before and after loadComments
// comment posts: the site must stay within loadTolerance of its
// requests/s and p99 latency (issue 16: 2.6k comments made /admin/comments
// a 300 KB page and cut the throughput from 6.6k to 1.8k requests/s).
//
// "Before" is a twin site that gets no comments, measured in alternation
// with the site that got them (loadRounds rounds of loadRound each), so
// that whatever else the machine runs slows both alike. A failed
// comparison is measured once more before the test fails. It takes about
// 10 s (20 s with the retry); -short skips it.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test does not run with -short")
	}
	before, after := newLoadSite(t, "before"), newLoadSite(t, "after")
	took := after.comment(t, loadComments)
	t.Logf("posted %d comments in %v (%.0f/s) from %d clients", loadComments, took.Round(time.Millisecond), loadComments/took.Seconds(), loadClients)

	for attempt := 1; ; attempt++ {
		// A short load of each first: connections, caches, the heap.
		before.load(t, loadRound/2)
		after.load(t, loadRound/2)
		var b, a loadResult
		for range loadRounds {
			b.add(before.load(t, loadRound))
			a.add(after.load(t, loadRound))
		}
		rpsDrop := 1 - a.rps()/b.rps()
		p99Rise := float64(a.quantile(0.99))/float64(b.quantile(0.99)) - 1
		t.Logf("attempt %d, %d clients, %d rounds of %v each:", attempt, loadClients, loadRounds, loadRound)
		t.Logf("  before %d comments: %v", loadComments, &b)
		t.Logf("  after  %d comments: %v", loadComments, &a)
		t.Logf("  requests/s %+.1f%%, p99 %+.1f%%", -100*rpsDrop, 100*p99Rise)
		if rpsDrop <= loadTolerance && p99Rise <= loadTolerance {
			return
		}
		if attempt == 2 {
			t.Fatalf("after %d comments the site is more than %.0f%% worse: requests/s %+.1f%%, p99 %+.1f%%",
				loadComments, 100*loadTolerance, -100*rpsDrop, 100*p99Rise)
		}
		t.Logf("more than %.0f%% worse: measuring again", 100*loadTolerance)
	}
}
