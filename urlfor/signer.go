package urlfor

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"hash"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors of [Signer.Verify], for errors.Is. Each wraps [ErrSignature].
var (
	// ErrSignature is matched by every error of a signed URL that does not
	// verify.
	ErrSignature = errors.New("urlfor: bad signed URL")
	// ErrSignatureMissing: the URL has no signature, or no expiry.
	ErrSignatureMissing = errors.New("urlfor: the URL is not signed")
	// ErrSignatureInvalid: the signature does not match the URL (a byte of
	// the path, the query or the host changed, or another key signed it),
	// or it or the expiry appears twice or is malformed.
	ErrSignatureInvalid = errors.New("urlfor: the URL's signature does not match")
	// ErrSignatureExpired: the signature matches but its time is past.
	ErrSignatureExpired = errors.New("urlfor: the signed URL has expired")
)

// The query keys a signed URL carries.
const (
	expiresKey   = "expires"
	signatureKey = "signature"
)

// minKeyLen is the shortest key a Signer takes: 32 bytes, the output size
// of SHA-256 (RFC 2104 §3: keys shorter than the hash weaken HMAC).
const minKeyLen = 32

// Signer signs URLs so that they can be verified later without storing
// anything (Laravel's URL::signedRoute, Symfony's UriSigner): HMAC-SHA256
// over the URL's path, its query in a canonical order and, for an absolute
// URL, its host, plus an expiry; the first key signs and every key
// verifies, so keys rotate by putting the new one first. It is safe for
// concurrent use.
type Signer struct {
	keys  [][]byte
	pools []sync.Pool // per key: keyed HMACs, reset and reused (hmac.New costs a fifth of a signature)
}

// NewSigner returns a signer with keys, the first for signing. There must
// be at least one, each of at least 32 bytes (crypto/rand); otherwise the
// error wraps [ErrBadCall].
func NewSigner(keys ...[]byte) (*Signer, error) {
	if len(keys) == 0 {
		return nil, badCall("NewSigner: no key")
	}
	s := &Signer{pools: make([]sync.Pool, len(keys))}
	for i, k := range keys {
		if len(k) < minKeyLen {
			return nil, badCall("NewSigner: key %d has %d bytes, want at least %d", i, len(k), minKeyLen)
		}
		key := slices.Clone(k)
		s.keys = append(s.keys, key)
		s.pools[i].New = func() any { return hmac.New(sha256.New, key) }
	}
	return s, nil
}

// Sign returns u (a path with an optional query, as a Builder makes it,
// or an absolute URL) with an "expires" (Unix seconds) and a "signature"
// query parameter added. The signature covers the path as written, every
// query pair (sorted by key, then value, so that a proxy that reorders the
// query does not break it, while a pair added, removed or changed does),
// the expiry, and for an absolute URL the scheme and host (lower-cased), so
// that a URL signed for one host does not verify on another. A fragment
// is kept and not signed (browsers do not send it). A URL that already
// has "expires" or "signature", or does not parse, is an error wrapping
// [ErrBadCall].
func (s *Signer) Sign(u string, expires time.Time) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return "", badCall("Sign: %v", err)
	}
	pairs, err := rawPairs(parsed.RawQuery)
	if err != nil {
		return "", badCall("Sign: %v", err)
	}
	for _, p := range pairs {
		if p[0] == expiresKey || p[0] == signatureKey {
			return "", badCall("Sign: the URL already has a %q parameter", p[0])
		}
	}
	exp := strconv.FormatInt(expires.Unix(), 10)
	pairs = append(pairs, [2]string{expiresKey, exp})
	sum := s.mac(0, origin(parsed), parsed.EscapedPath(), canonical(pairs)) // pairs is ours: sorted in place
	mac := base64.RawURLEncoding.EncodeToString(sum[:])
	q := parsed.RawQuery
	if q != "" {
		q += "&"
	}
	parsed.RawQuery = q + expiresKey + "=" + exp + "&" + signatureKey + "=" + mac
	return parsed.String(), nil
}

// Verify checks the signed URL r was made for: the signature of its path
// and query as the client sent them (r.RequestURI, so that an app mounted
// behind http.StripPrefix verifies the URL its handle signed, mount prefix
// included; r.URL when RequestURI is empty) and its host (r.Host,
// lower-cased, for a URL signed absolute; the scheme from r.TLS) against
// every key, in constant time, then the expiry. A RequestURI that does not
// parse is [ErrSignatureInvalid]; a request with neither is
// [ErrSignatureMissing]. Errors: [ErrSignatureMissing], [ErrSignatureInvalid],
// [ErrSignatureExpired], each wrapping [ErrSignature].
func (s *Signer) Verify(r *http.Request) error {
	return s.verify(r, time.Now())
}

func (s *Signer) verify(r *http.Request, now time.Time) error {
	// The URL as the client sent it: a mounted app behind http.StripPrefix
	// sees its local path in r.URL, while the signature covers the mount
	// prefix too; r.RequestURI keeps the whole request target.
	target := r.URL
	if r.RequestURI != "" {
		u, err := url.ParseRequestURI(r.RequestURI)
		if err != nil {
			return signatureErr(ErrSignatureInvalid, "the request target does not parse")
		}
		target = u
	}
	if target == nil {
		return signatureErr(ErrSignatureMissing, "no URL")
	}
	path, rawQuery := target.EscapedPath(), target.RawQuery
	pairs, err := rawPairs(rawQuery)
	if err != nil {
		return signatureErr(ErrSignatureInvalid, "the query does not parse")
	}
	var sig, exp string
	var nSig, nExp int
	rest := pairs[:0:0]
	for _, p := range pairs {
		switch p[0] {
		case signatureKey:
			sig, nSig = p[1], nSig+1
		case expiresKey:
			exp, nExp = p[1], nExp+1
			rest = append(rest, p)
		default:
			rest = append(rest, p)
		}
	}
	switch {
	case nSig == 0 || nExp == 0:
		return signatureErr(ErrSignatureMissing, "no signature or no expiry")
	case nSig > 1 || nExp > 1:
		return signatureErr(ErrSignatureInvalid, "the signature or the expiry appears twice")
	}
	given, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return signatureErr(ErrSignatureInvalid, "the signature is not base64url")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	rest = canonical(rest)
	ok := false
	for k := range s.keys {
		for _, o := range [2]string{"", scheme + "://" + strings.ToLower(r.Host)} {
			want := s.mac(k, o, path, rest)
			// Every comparison runs: no early exit tells which key or
			// form came close.
			ok = hmac.Equal(given, want[:]) || ok
		}
	}
	if !ok {
		return signatureErr(ErrSignatureInvalid, "")
	}
	secs, err := strconv.ParseInt(exp, 10, 64)
	if err != nil {
		return signatureErr(ErrSignatureInvalid, "the expiry is not a number")
	}
	if !now.Before(time.Unix(secs, 0)) {
		return signatureErr(ErrSignatureExpired, "")
	}
	return nil
}

// Middleware answers 403 Forbidden, with the reason, to every request
// whose URL [Signer.Verify] refuses, and passes the others to next.
func (s *Signer) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.Verify(r); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// mac is the signature of a URL: HMAC-SHA256 of "v1", the origin ("" for
// a path), the escaped path and the query pairs, sorted (see canonical),
// each field length-prefixed so that no two URLs share a message.
func (s *Signer) mac(key int, origin, path string, sorted [][2]string) [sha256.Size]byte {
	h := s.pools[key].Get().(hash.Hash)
	defer s.pools[key].Put(h)
	h.Reset()
	var n [24]byte
	field := func(f string) {
		h.Write(strconv.AppendInt(n[:0], int64(len(f)), 10))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	field("v1")
	field(origin)
	field(path)
	for _, p := range sorted {
		field(p[0])
		field(p[1])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// canonical sorts pairs by key then value, in place: the order a proxy
// gives the query does not matter to a signature, a pair does.
func canonical(pairs [][2]string) [][2]string {
	slices.SortStableFunc(pairs, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	return pairs
}

// origin is "scheme://host" of an absolute URL, lower-cased, or "".
func origin(u *url.URL) string {
	if u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
}

// rawPairs splits a raw query into decoded key-value pairs, in order,
// keeping empty values and keys without "=" (Laravel #37370: a rebuilt
// query that drops them lets a signed URL be extended). A malformed escape
// is an error.
func rawPairs(raw string) ([][2]string, error) {
	var out [][2]string
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			return nil, err
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			return nil, err
		}
		out = append(out, [2]string{dk, dv})
	}
	return out, nil
}

// signatureErr wraps kind (and ErrSignature) with a detail.
func signatureErr(kind error, detail string) error {
	if detail == "" {
		return &sigError{kind: kind, msg: kind.Error()}
	}
	return &sigError{kind: kind, msg: kind.Error() + ": " + detail}
}

type sigError struct {
	kind error
	msg  string
}

func (e *sigError) Error() string { return e.msg }

func (e *sigError) Is(target error) bool { return target == e.kind || target == ErrSignature }
