package core_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strings"
	"testing"
)

// Every exported identifier of core (functions, types, constants, variables,
// methods and struct fields) is used by some test or example of this
// package. The check is syntactic: a top-level name must appear as core.Name,
// a method or field as a selector .Name somewhere in the _test.go files.
func TestEveryExportedIdentifierIsUsedByATest(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	exported := map[string]bool{} // "Name" for top-level, "Type.Member" for the others
	pkgRefs := map[string]bool{}  // Name used as core.Name in tests
	selectors := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "_test.go") {
			collectUses(f, pkgRefs, selectors)
		} else {
			collectExported(f, exported)
		}
	}
	var missing []string
	for name := range exported {
		typ, member, isMember := strings.Cut(name, ".")
		switch {
		case !isMember && !pkgRefs[typ]:
			missing = append(missing, "core."+name)
		case isMember && !selectors[member]:
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("exported identifiers no test uses: %s", strings.Join(missing, ", "))
	}
	if !exported["New"] || !exported["Party.AskAround"] {
		t.Errorf("the parser did not find core's API: %v", exported)
	}
}

func collectUses(f *ast.File, pkgRefs, selectors map[string]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			selectors[sel.Sel.Name] = true
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "core" {
				pkgRefs[sel.Sel.Name] = true
			}
		}
		return true
	})
}

func collectExported(f *ast.File, exported map[string]bool) {
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			if d.Recv == nil {
				exported[d.Name.Name] = true
				continue
			}
			recv := d.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok && id.IsExported() {
				exported[id.Name+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					exported[s.Name.Name] = true
					st, ok := s.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						for _, n := range field.Names {
							if n.IsExported() {
								exported[s.Name.Name+"."+n.Name] = true
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							exported[n.Name] = true
						}
					}
				}
			}
		}
	}
}
