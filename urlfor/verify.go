package urlfor

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// TemplateError is one urlFor call, found by [VerifyHTML] or [VerifyText],
// that cannot succeed whatever the data: its literal endpoint name is
// unknown or ambiguous, or its literal keys miss a required parameter.
type TemplateError struct {
	Template string // the name of the template holding the call ({{define "row"}} gives "row")
	Location string // "file:line:col" as text/template reports it (file: the name given to Parse)
	Name     string // the endpoint name in the call
	Err      error
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("urlfor: template %s: %s: urlFor %q: %v", e.Template, e.Location, e.Name, e.Err)
}

func (e *TemplateError) Unwrap() error { return e.Err }

// VerifyHTML checks every template associated with t (Phoenix's verified
// routes and Ziggy's typed routes do this for their ecosystems): each urlFor
// call whose endpoint name is a string literal must name exactly one
// endpoint of b's party, one its adapter could translate (no [Route].Err),
// and, when all its keys are literal, give every required parameter of the
// route's path, host and query. Calls with a computed name are skipped. It
// returns the problems joined ([*TemplateError] each), or nil. Call it in a
// test, after the party invited its apps.
func VerifyHTML(b *Builder, t *htmltemplate.Template) error {
	var trees []*parse.Tree
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			trees = append(trees, tt.Tree)
		}
	}
	return verifyTrees(b, trees)
}

// VerifyText is [VerifyHTML] for text/template.
func VerifyText(b *Builder, t *texttemplate.Template) error {
	var trees []*parse.Tree
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			trees = append(trees, tt.Tree)
		}
	}
	return verifyTrees(b, trees)
}

func verifyTrees(b *Builder, trees []*parse.Tree) error {
	if b.reg == nil {
		return notInvited("the builder has no party")
	}
	// Templates() lists in map order: sort, so the report is stable.
	slices.SortFunc(trees, func(a, b *parse.Tree) int { return strings.Compare(a.Name, b.Name) })
	var errs []error
	for _, tree := range trees {
		walk(tree.Root, func(cmd *parse.CommandNode) {
			if err := verifyCall(b, tree, cmd); err != nil {
				errs = append(errs, err)
			}
		})
	}
	return errors.Join(errs...)
}

func verifyCall(b *Builder, tree *parse.Tree, cmd *parse.CommandNode) error {
	if len(cmd.Args) < 2 {
		return nil
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "urlFor" {
		return nil
	}
	nameNode, ok := cmd.Args[1].(*parse.StringNode)
	if !ok {
		return nil
	}
	loc, _ := tree.ErrorContext(cmd)
	fail := func(err error) error {
		return &TemplateError{Template: tree.Name, Location: loc, Name: nameNode.Text, Err: err}
	}
	_, r, err := b.reg.resolve(nil, nameNode.Text)
	if err == nil {
		err = r.Err // every build of this route fails with it
	}
	if err != nil {
		return fail(err)
	}
	args := cmd.Args[2:]
	given := map[string]bool{}
	for i := 0; i < len(args); i += 2 {
		k, ok := args[i].(*parse.StringNode)
		if !ok {
			return nil // computed keys: only the data can tell
		}
		given[k.Text] = true
	}
	if len(args)%2 != 0 {
		return fail(badCall("odd number of arguments"))
	}
	missing := func(param string) error {
		return fail(&ParamError{Endpoint: nameNode.Text, Pattern: r.Pattern, Param: param, Missing: true})
	}
	for _, t := range [2]*Template{r.Host, r.Path} {
		if t == nil {
			continue
		}
		for _, p := range t.parts {
			if p.kind == kindParam && !p.optional && !given[p.text] {
				return missing(p.text)
			}
		}
	}
	for _, q := range r.Query {
		if q.value.kind == kindParam && !given[q.value.text] {
			return missing(q.value.text)
		}
	}
	return nil
}

func walk(n parse.Node, visit func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		visit(n)
		for _, a := range n.Args {
			walk(a, visit)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walk(n.Pipe, visit)
	case *parse.ChainNode: // (urlFor "blog:post" "id" 1).Field
		walk(n.Node, visit)
	}
}

func walkBranch(n *parse.BranchNode, visit func(*parse.CommandNode)) {
	walk(n.Pipe, visit)
	walk(n.List, visit)
	walk(n.ElseList, visit)
}
