package urlfor_test

import (
	"bytes"
	"crypto/tls"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/partyline-go/partyline/urlfor"
)

var (
	keyOld = bytes.Repeat([]byte("o"), 32)
	keyNew = bytes.Repeat([]byte("n"), 32)
)

// request is a GET of target (a path or an absolute URL) as a server sees
// it: without the fragment, which clients do not send.
func request(target string) *http.Request {
	target, _, _ = strings.Cut(target, "#")
	r := httptest.NewRequest("GET", target, nil)
	if strings.HasPrefix(target, "https://") {
		r.TLS = &tls.ConnectionState{}
	}
	return r
}

func TestSignerRoundTripAndTampering(t *testing.T) {
	s, err := urlfor.NewSigner(keyNew, keyOld)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	for _, u := range []string{
		"/blog/posts/a%20b?page=2&tag=x&tag=y&empty=&flag",
		"https://Example.com/invoices/7?download=1#top",
		"/",
	} {
		signed, err := s.Sign(u, later)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(request(signed)); err != nil {
			t.Errorf("Verify(Sign(%q) = %q): %v", u, signed, err)
		}
		// Tampering with any byte before the signature breaks it.
		cut := strings.Index(signed, "&signature=")
		for i := 0; i < cut; i++ {
			b := []byte(signed)
			switch b[i] {
			case '?', '&', '=', '#', '/', ':':
				continue // structure, not content: covered by the cases below
			}
			b[i] ^= 0x01
			tampered := string(b)
			r, err := http.NewRequest("GET", tampered, nil)
			if err != nil || r.URL.Fragment != "" && strings.Contains(signed[:i+1], "#") {
				continue // the byte was in the fragment, which is not sent
			}
			if err := s.Verify(request(tampered)); err == nil {
				t.Errorf("tampered byte %d of %q: %q verifies", i, signed, tampered)
			}
		}
	}

	signed, _ := s.Sign("/list?b=2&a=1&a=0", later)
	path, query, _ := strings.Cut(signed, "?")
	parts := strings.Split(query, "&")
	reordered := path + "?" + strings.Join(append([]string{parts[len(parts)-1]}, parts[:len(parts)-1]...), "&")
	if err := s.Verify(request(reordered)); err != nil {
		t.Errorf("a reordered query %q: %v", reordered, err)
	}
	for name, u := range map[string]string{
		"a pair added":    signed + "&extra=1",
		"a pair removed":  strings.Replace(signed, "b=2&", "", 1),
		"a key-only pair": signed + "&admin",
		"signature twice": signed + "&signature=x",
		"expires twice":   signed + "&expires=99999999999",
	} {
		if err := s.Verify(request(u)); !errors.Is(err, urlfor.ErrSignatureInvalid) || !errors.Is(err, urlfor.ErrSignature) {
			t.Errorf("%s (%q): %v, want ErrSignatureInvalid", name, u, err)
		}
	}
	if err := s.Verify(request("/list?a=1")); !errors.Is(err, urlfor.ErrSignatureMissing) {
		t.Errorf("unsigned: %v", err)
	}
	if err := s.Verify(request("/list?a=1&expires=1&signature=***")); !errors.Is(err, urlfor.ErrSignatureInvalid) {
		t.Errorf("bad base64: %v", err)
	}
}

func TestSignerHostExpiryRotation(t *testing.T) {
	s, _ := urlfor.NewSigner(keyOld)
	abs, err := s.Sign("https://shop.example.com/download/7", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(request(strings.Replace(abs, "shop.example.com", "evil.example.com", 1))); !errors.Is(err, urlfor.ErrSignatureInvalid) {
		t.Errorf("another host: %v", err)
	}
	if err := s.Verify(request(strings.Replace(abs, "https://", "http://", 1))); !errors.Is(err, urlfor.ErrSignatureInvalid) {
		t.Errorf("another scheme: %v", err)
	}
	// A path signed without a host verifies on any host.
	rel, _ := s.Sign("/download/7", time.Now().Add(time.Hour))
	if err := s.Verify(request("http://anywhere.example" + rel)); err != nil {
		t.Errorf("a relative signature on a host: %v", err)
	}
	expired, _ := s.Sign("/download/7", time.Now().Add(-time.Second))
	if err := s.Verify(request(expired)); !errors.Is(err, urlfor.ErrSignatureExpired) {
		t.Errorf("expired: %v", err)
	}
	// Rotation: the new key signs, the old one still verifies; dropped, it
	// does not.
	rotated, _ := urlfor.NewSigner(keyNew, keyOld)
	if err := rotated.Verify(request(rel)); err != nil {
		t.Errorf("the old key's URL after rotation: %v", err)
	}
	newer, _ := rotated.Sign("/download/7", time.Now().Add(time.Hour))
	if err := s.Verify(request(newer)); !errors.Is(err, urlfor.ErrSignatureInvalid) {
		t.Errorf("the new key's URL with only the old key: %v", err)
	}
	dropped, _ := urlfor.NewSigner(keyNew)
	if err := dropped.Verify(request(rel)); !errors.Is(err, urlfor.ErrSignatureInvalid) {
		t.Errorf("the old key dropped: %v", err)
	}
	for _, bad := range [][][]byte{nil, {[]byte("short")}} {
		if _, err := urlfor.NewSigner(bad...); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("NewSigner(%q): %v", bad, err)
		}
	}
	for _, u := range []string{"/x?expires=1", "/x?signature=1", "%zz"} {
		if _, err := s.Sign(u, time.Now()); !errors.Is(err, urlfor.ErrBadCall) {
			t.Errorf("Sign(%q): %v", u, err)
		}
	}
}

func TestSignerMiddleware(t *testing.T) {
	s, _ := urlfor.NewSigner(keyNew)
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	srv := httptest.NewServer(s.Middleware(ok))
	defer srv.Close()
	signed, _ := s.Sign("/file/7", time.Now().Add(time.Minute))
	for target, want := range map[string]int{signed: 200, "/file/7": 403, signed + "&x=1": 403} {
		resp, err := http.Get(srv.URL + target)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", target, resp.StatusCode, want)
		}
	}
}

// BenchmarkSign signs a built URL; BenchmarkVerify checks one (issue 17:
// a signed build within 1 µs).
func BenchmarkSign(b *testing.B) {
	s, _ := urlfor.NewSigner(keyNew)
	exp := time.Now().Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = s.Sign("/blog/posts/2024/hello-world", exp)
	}
}

func BenchmarkVerify(b *testing.B) {
	s, _ := urlfor.NewSigner(keyNew)
	signed, _ := s.Sign("/blog/posts/2024/hello-world", time.Now().Add(time.Hour))
	r := request(signed)
	b.ReportAllocs()
	for b.Loop() {
		errSink = s.Verify(r)
	}
}

// An app mounted behind http.StripPrefix verifies the URLs signed with its
// mount prefix: Verify reads the request target as sent.
func TestSignerBehindStripPrefix(t *testing.T) {
	s, _ := urlfor.NewSigner(keyNew)
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(r.URL.Path)) })
	mux := http.NewServeMux()
	mux.Handle("/blog/", http.StripPrefix("/blog", s.Middleware(ok)))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	signed, _ := s.Sign("/blog/files/a%20b", time.Now().Add(time.Minute))
	resp, err := http.Get(srv.URL + signed)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s behind StripPrefix: %d", signed, resp.StatusCode)
	}
}

// A request with no URL (a bridge building one by hand) is refused, not a
// panic.
func TestSignerVerifyNoURL(t *testing.T) {
	s, _ := urlfor.NewSigner(keyNew)
	if err := s.Verify(&http.Request{}); !errors.Is(err, urlfor.ErrSignatureMissing) {
		t.Errorf("Verify(no URL): %v", err)
	}
}
