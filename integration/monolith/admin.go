package monolith

import (
	"html/template"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	partychi "github.com/partyline-go/partyline/adapters/chi"
)

// newAdmin is the chi app at "/admin". chi has no route names: partychi's
// Name middleware gives them.
func newAdmin(s *Store, d *directory, opts ...partychi.Option) (chi.Router, error) {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	h, err := partychi.Join(r, opts...)
	if err != nil {
		return nil, err
	}
	pages := parse(d, "admin", h.FuncMap(), adminPages)
	r.With(partychi.Name("dashboard")).Get("/", func(w http.ResponseWriter, req *http.Request) {
		data := struct {
			Products []Product
			Posts    []Post
			Comments int
		}{s.Products, s.Posts, posted(s, "")}
		render(w, pages, "admin/dashboard", view{"Admin", data})
	})
	r.With(partychi.Name("comments")).Get("/comments", func(w http.ResponseWriter, req *http.Request) {
		post := req.URL.Query().Get("post")
		if _, ok := s.Post(post); post != "" && !ok {
			http.Error(w, "no such post", http.StatusNotFound)
			return
		}
		data := struct {
			Post         string
			Threads      []thread
			Total, Shown int
		}{Post: post, Total: posted(s, post)}
		if post != "" {
			// One post's list is the one its page shows.
			if list, shown := s.CommentList(post); shown > 0 {
				data.Threads, data.Shown = []thread{{post, list}}, shown
			}
		} else {
			comments := s.Comments("")
			data.Threads, data.Shown = threads(comments), len(comments)
		}
		render(w, pages, "admin/comments", view{"Comments", data})
	})
	return r, nil
}

// posted is how many comments were posted on post, or on all when post is "".
func posted(s *Store, post string) int {
	n, _ := s.CommentCount(post)
	return n
}

// thread is the comments of one post, newest first, as a list.
type thread struct {
	Post string
	List template.HTML
}

// threads groups comments (newest first) by post, the post of the newest
// comment first.
func threads(comments []Comment) []thread {
	var posts []string
	by := map[string][]Comment{}
	for _, c := range comments {
		if by[c.Post] == nil {
			posts = append(posts, c.Post)
		}
		by[c.Post] = append(by[c.Post], c)
	}
	out := make([]thread, len(posts))
	for i, p := range posts {
		out[i] = thread{p, commentList(by[p])}
	}
	return out
}
