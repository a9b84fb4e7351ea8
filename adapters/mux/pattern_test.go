package partymux

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/partyline-go/partyline/urlfor"
	"github.com/partyline-go/partyline/urlfor/adapterkit"
)

func TestParseTemplate(t *testing.T) {
	lit := adapterkit.Lit
	v := adapterkit.Re
	cases := []struct {
		tpl  string
		want []adapterkit.Token
	}{
		{"/", []adapterkit.Token{lit("/")}},
		{"", nil},
		{"/articles/{category}/{id:[0-9]+}", []adapterkit.Token{lit("/articles/"), v("category", ""), lit("/"), v("id", "[0-9]+")}},
		{"/111/{v1:[0-9]{3}}/333", []adapterkit.Token{lit("/111/"), v("v1", "[0-9]{3}"), lit("/333")}},
		{"/{v-1:[0-9]{3}}", []adapterkit.Token{lit("/"), v("v-1", "[0-9]{3}")}},
		{"/{type:(?i:daily|mini)}-{date:\\d{4,4}-\\d{2,2}}", []adapterkit.Token{lit("/"), v("type", "(?i:daily|mini)"), lit("-"), v("date", `\d{4,4}-\d{2,2}`)}},
		{"/{v1:[0-9]*}{v2:[a-z]*}/", []adapterkit.Token{lit("/"), v("v1", "[0-9]*"), v("v2", "[a-z]*"), lit("/")}},
		{"/files/{name}.json", []adapterkit.Token{lit("/files/"), v("name", ""), lit(".json")}},
		{"/{x:a:b}", []adapterkit.Token{lit("/"), v("x", "a:b")}}, // the name ends at the first ":"
		{"{sub}.example.com:{port:[0-9]+}", []adapterkit.Token{v("sub", ""), lit(".example.com:"), v("port", "[0-9]+")}},
		{"/{a:{{b}}}", []adapterkit.Token{lit("/"), v("a", "{{b}}")}},
	}
	for _, c := range cases {
		got, err := parseTemplate(c.tpl)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseTemplate(%q) = %#v, %v; want %#v", c.tpl, got, err, c.want)
		}
	}
	for _, bad := range []string{"/{", "/}", "/{a", "/a}", "/{}", "/{:x}", "/{a:}", "/{a}}"} {
		if got, err := parseTemplate(bad); !errors.Is(err, urlfor.ErrInvalidTemplate) {
			t.Errorf("parseTemplate(%q) = %#v, %v; want an invalid-template error", bad, got, err)
		}
	}
}

// TestParseTemplateAgainstMux parses templates with mux and with
// parseTemplate: both accept or refuse the same ones, find the same
// variables, and the tokens spell the template back.
func TestParseTemplateAgainstMux(t *testing.T) {
	templates := []string{
		"/", "/articles", "/articles/{category}/{id:[0-9]+}", "/111/{v1:[0-9]{3}}/333",
		"/{v1:[0-9]{3}}/{v2:[0-9]{3}}/{v3:[0-9]{3}}", "/{category:a|(?:b/c)}/{product}/{id:[0-9]+}",
		"/{type:(?i:daily|mini|variety)}-{date:\\d{4,4}-\\d{2,2}-\\d{2,2}}", "/{v1:[0-9]*}{v2:[a-z]*}/{v3:[0-9]*}",
		"/{category:a|b/c}", "/files/{name}.json", "/{x:a:b}", "/{a:{{b}}}", "/{a:[{]}",
		"/{", "/}", "/{}", "/{:x}", "/{a:}", "/{a}}", "/{a}/{a}", "/{a:(}",
	}
	for _, tpl := range templates {
		rt := new(mux.Route).Path(tpl)
		names, muxErr := rt.GetVarNames()
		toks, err := parseTemplate(tpl)
		switch {
		case muxErr != nil && err == nil:
			// mux compiles the regexps too; the translation reports those
			// errors later.
			if !strings.Contains(muxErr.Error(), "error parsing regexp") {
				t.Errorf("%q: mux refuses it (%v), parseTemplate accepts it", tpl, muxErr)
			}
			continue
		case muxErr == nil && err != nil:
			t.Errorf("%q: mux accepts it, parseTemplate says %v", tpl, err)
			continue
		case err != nil:
			continue
		}
		var got []string
		var b strings.Builder
		for _, tk := range toks {
			if !isVar(tk) {
				b.WriteString(tk.Literal)
				continue
			}
			got = append(got, tk.Param)
			b.WriteString("{" + tk.Param)
			if tk.Constraint != "" {
				b.WriteString(":" + tk.Constraint)
			}
			b.WriteString("}")
		}
		if !reflect.DeepEqual(got, names) {
			t.Errorf("%q: variables %q, mux says %q", tpl, got, names)
		}
		if b.String() != tpl {
			t.Errorf("%q: tokens spell %q", tpl, b.String())
		}
	}
}
