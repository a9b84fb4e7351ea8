package integration_test

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"github.com/partyline-go/partyline/urlfor"
)

func TestXfExplore2(t *testing.T) {
	alphabet := []string{"a", "b", "/", "%", "2F", "25", "?", "#", " ", ".", "..", "é", "{", "}", ":", "+", ";", "=", "&", "\\", "~", "*", "!", "'", "(", ")", ",", "@", "$", "[", "]", "|", "^", "`", "\"", "<", ">", "\t", "日", "__invite__", "-"}
	r := rand.New(rand.NewSource(1))
	fails := 0
	for _, layout := range xfLayouts {
		apps := xfMatrixApps(t, layout)
		_, srv := xfServe(t, layout, apps...)
		c := srv.Client()
		for n := 0; n < 3000; n++ {
			var sb strings.Builder
			for k := r.Intn(5) + 1; k > 0; k-- {
				sb.WriteString(alphabet[r.Intn(len(alphabet))])
			}
			v := sb.String()
			for _, b := range apps {
				for _, ep := range []string{"show", "files"} {
					key := "v"
					if ep == "files" {
						key = b.wildKey
					}
					u, err := b.url(b.ns+":"+ep, key, v, "q", v)
					if err != nil {
						if !errors.Is(err, urlfor.ErrInvalidParam) && !errors.Is(err, urlfor.ErrMissingParam) {
							t.Errorf("%s %s %s %q: untyped %v", layout, b.ns, ep, v, err)
						}
						continue
					}
					s, err := xfFetchSeen(c, srv.URL, u)
					want := v
					if b.ns == "gin" && ep == "files" {
						want = strings.TrimPrefix(v, "/")
					}
					if err != nil {
						t.Errorf("%s %s %s %q: %s: %v", layout, b.ns, ep, v, u, err)
						fails++
					} else if s.App != b.ns || s.Endpoint != ep || s.Params[key] != want || s.Query["q"] != v {
						t.Errorf("%s %s %s %q: %s reached %v", layout, b.ns, ep, v, u, s)
						fails++
					}
					if fails > 40 {
						t.FailNow()
					}
				}
			}
		}
	}
}
