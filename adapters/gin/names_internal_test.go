package partygin

import "testing"

// TestDefaultNameRule applies the rule to runtime names as gin reports
// them, including shapes a test package cannot produce (other modules,
// major versions, gopkg.in, range-over-func bodies).
func TestDefaultNameRule(t *testing.T) {
	tests := []struct{ runtime, want string }{
		{"main.showPost", "main.showPost"},
		{"github.com/acme/shop.showPost", "shop.showPost"},
		{"github.com/acme/shop.(*Server).Show-fm", "shop.Server.Show"},
		{"github.com/acme/shop.Server.Show-fm", "shop.Server.Show"},
		{"github.com/acme/shop/v2.(*Server).Show-fm", "shop.Server.Show"},
		{"gopkg.in/shop%2ev3.Show", "shop.Show"},
		{"github.com/acme/go.shop.Show", "go.shop.Show"},   // package .../go, method shop.Show
		{"github.com/acme/go%2eshop.Show", "go.shop.Show"}, // package .../go.shop (the linker escapes its ".")
		{"github.com/acme/shop.list[...]", "shop.list"},
		{"github.com/acme/shop.(*Store[...]).Show-fm", "shop.Store.Show"},
		{"github.com/acme/shop.Store[...].Show-fm", "shop.Store.Show"},
		{"github.com/acme/shop.func1", "shop.func1"}, // a function may be called func1
		{"github.com/acme/shop.résumé", "shop.résumé"},
		{"main.main.func1", ""},
		{"github.com/acme/shop.routes.func2.1", ""},
		{"github.com/acme/shop.(*Server).routes.func1", ""},
		{"github.com/acme/shop.list[...].func1", ""},
		{"github.com/acme/shop.init.func1", ""},
		{"github.com/acme/shop.glob..func1", ""},
		{"github.com/acme/shop.serve-range1", ""},
		{"github.com/gin-gonic/gin.WrapH.func1", ""},
		{"github.com/gin-gonic/gin.(*RouterGroup).createStaticHandler.func1", ""},
		{"", ""},
		{"nodot", ""},
		{"github.com/acme/shop.", ""},
		{"github.com/acme/shop.(*Broken", ""},
	}
	for _, tt := range tests {
		if got := defaultName(tt.runtime); got != tt.want {
			t.Errorf("defaultName(%q) = %q, want %q", tt.runtime, got, tt.want)
		}
	}
}
