package monolith

import (
	"html/template"
	"slices"
	"sync"
	"time"
)

// Product is an item of the shop and of the API.
type Product struct {
	ID     int
	Name   string
	Price  int    // in cents
	Review string // slug of the blog post that reviews it
	Origin string // slug of the legacy page where it first appeared
}

// Post is a blog post.
type Post struct {
	Slug    string
	Title   string
	Body    string
	Product int    // ID of the product it is about
	OldPost string // slug of the archived post it follows up
	Event   string // slug of the event where the product is shown
}

// Page is a page of the legacy app.
type Page struct {
	Slug    string
	Title   string
	Body    string
	Product int
	Post    string
	Event   string // slug of the event that revives it
}

// OldPost is a post of the archive: the blog as it was on echo v4.
type OldPost struct {
	Slug  string
	Title string
	Body  string
	Page  string // slug of the legacy page of the same years
	Post  string // slug of the blog post that follows it up
}

// Event is an event of the events app.
type Event struct {
	Slug    string
	Title   string
	Date    string
	Body    string
	Product int    // ID of the product on show
	Post    string // slug of the blog post about it
	Page    string // slug of the legacy page it looks back to
}

// Comment is what the blog's form posts.
type Comment struct {
	Post   string
	Author string
	Text   string
	At     time.Time

	seq  uint64 // order of arrival in the store
	html string // the comment as an item of a list (commentList)
}

// The bounds of the comment store: it keeps the last KeptComments of each
// post, and a page shows the last ShownComments, with the count, so that a
// flood of comments costs neither memory nor page size.
const (
	KeptComments  = 1000
	ShownComments = 50
)

// Store holds the site's data. It is safe for concurrent use.
type Store struct {
	Products []Product
	Posts    []Post
	Pages    []Page
	OldPosts []OldPost
	Events   []Event

	mu       sync.Mutex
	seq      uint64
	comments map[string]*ring // by post slug
}

// ring holds the comments of one post: the last KeptComments in a ring,
// and how many were ever posted.
type ring struct {
	ring  []Comment // len <= KeptComments
	next  int       // where the next comment goes (mod KeptComments)
	total int
	list  template.HTML // commentList of the last ShownComments; "" when stale
}

func (t *ring) add(c Comment) {
	t.total++
	t.list = ""
	if len(t.ring) < KeptComments {
		t.ring = append(t.ring, c)
	} else {
		t.ring[t.next] = c
	}
	t.next = (t.next + 1) % KeptComments
}

// at returns the i-th newest comment (0 is the newest), i < len(t.ring).
func (t *ring) at(i int) Comment {
	size := len(t.ring)
	return t.ring[(t.next-1-i+2*size)%size]
}

// newest appends the last n comments to out, newest first.
func (t *ring) newest(out []Comment, n int) []Comment {
	for i := range min(n, len(t.ring)) {
		out = append(out, t.at(i))
	}
	return out
}

// NewStore returns the demo content.
func NewStore() *Store {
	return &Store{
		Products: []Product{
			{ID: 1, Name: "Red shoes", Price: 5900, Review: "red-shoes-review", Origin: "catalogue-2009"},
			{ID: 2, Name: "Blue hat", Price: 2500, Review: "hats-for-every-season", Origin: "catalogue-2009"},
			{ID: 3, Name: "Green scarf", Price: 1900, Review: "hats-for-every-season", Origin: "about-us"},
		},
		Posts: []Post{
			{Slug: "red-shoes-review", Title: "Red shoes, reviewed", Body: "They are red and they are shoes.", Product: 1, OldPost: "first-shoes-2009", Event: "winter-market"},
			{Slug: "hats-for-every-season", Title: "Hats for every season", Body: "A hat for the rain, a hat for the sun.", Product: 2, OldPost: "scarves-2011", Event: "hat-swap"},
		},
		Pages: []Page{
			{Slug: "catalogue-2009", Title: "The 2009 catalogue", Body: "Where it all began.", Product: 1, Post: "red-shoes-review", Event: "winter-market"},
			{Slug: "about-us", Title: "About us (2011)", Body: "We sold scarves before they were cool.", Product: 3, Post: "hats-for-every-season", Event: "hat-swap"},
		},
		OldPosts: []OldPost{
			{Slug: "first-shoes-2009", Title: "Our first shoes (2009)", Body: "Red, of course.", Page: "catalogue-2009", Post: "red-shoes-review"},
			{Slug: "scarves-2011", Title: "Scarves for everyone (2011)", Body: "Green was the colour that winter.", Page: "about-us", Post: "hats-for-every-season"},
		},
		Events: []Event{
			{Slug: "winter-market", Title: "Winter market", Date: "12 December 2026", Body: "The red shoes, on a stall in the snow.", Product: 1, Post: "red-shoes-review", Page: "catalogue-2009"},
			{Slug: "hat-swap", Title: "The great hat swap", Date: "20 March 2027", Body: "Bring a hat, leave with another.", Product: 2, Post: "hats-for-every-season", Page: "about-us"},
		},
	}
}

// Product returns the product with id.
func (s *Store) Product(id int) (Product, bool) {
	i := slices.IndexFunc(s.Products, func(p Product) bool { return p.ID == id })
	if i < 0 {
		return Product{}, false
	}
	return s.Products[i], true
}

// Post returns the post with slug.
func (s *Store) Post(slug string) (Post, bool) {
	i := slices.IndexFunc(s.Posts, func(p Post) bool { return p.Slug == slug })
	if i < 0 {
		return Post{}, false
	}
	return s.Posts[i], true
}

// Page returns the legacy page with slug.
func (s *Store) Page(slug string) (Page, bool) {
	i := slices.IndexFunc(s.Pages, func(p Page) bool { return p.Slug == slug })
	if i < 0 {
		return Page{}, false
	}
	return s.Pages[i], true
}

// OldPost returns the archived post with slug.
func (s *Store) OldPost(slug string) (OldPost, bool) {
	i := slices.IndexFunc(s.OldPosts, func(p OldPost) bool { return p.Slug == slug })
	if i < 0 {
		return OldPost{}, false
	}
	return s.OldPosts[i], true
}

// Event returns the event with slug.
func (s *Store) Event(slug string) (Event, bool) {
	i := slices.IndexFunc(s.Events, func(e Event) bool { return e.Slug == slug })
	if i < 0 {
		return Event{}, false
	}
	return s.Events[i], true
}

// AddComment records a comment; the oldest of its post's is dropped
// once the post has KeptComments.
func (s *Store) AddComment(c Comment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.comments == nil {
		s.comments = map[string]*ring{}
	}
	t := s.comments[c.Post]
	if t == nil {
		t = &ring{}
		s.comments[c.Post] = t
	}
	c.html = ""
	c.item()
	s.seq++
	c.seq = s.seq
	t.add(c)
}

// Comments returns the last ShownComments comments, newest first, of one
// post or of all when post is "".
func (s *Store) Comments(post string) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	if post != "" {
		t := s.comments[post]
		if t == nil {
			return nil
		}
		return t.newest(nil, ShownComments)
	}
	// Merge the posts' newest, newest first.
	next := make(map[*ring]int, len(s.comments)) // how many of each ring are taken
	var out []Comment
	for len(out) < ShownComments {
		var best *ring
		var c Comment
		for _, t := range s.comments {
			if i := next[t]; i < len(t.ring) {
				if d := t.at(i); best == nil || d.seq > c.seq {
					best, c = t, d
				}
			}
		}
		if best == nil {
			break
		}
		next[best]++
		out = append(out, c)
	}
	return out
}

// CommentList returns the last ShownComments comments of post, newest
// first, as a list (commentList), and how many it shows. The list is
// written once per change of the post's comments, not once per page.
func (s *Store) CommentList(post string) (template.HTML, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.comments[post]
	if t == nil {
		return "", 0
	}
	if t.list == "" {
		t.list = commentList(t.newest(nil, ShownComments))
	}
	return t.list, min(len(t.ring), ShownComments)
}

// CommentCount returns how many comments were posted on one post, or on
// all when post is "", and how many of them the store keeps.
func (s *Store) CommentCount(post string) (posted, kept int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for slug, t := range s.comments {
		if post == "" || slug == post {
			posted += t.total
			kept += len(t.ring)
		}
	}
	return posted, kept
}
