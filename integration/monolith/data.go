package monolith

import (
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
}

// Store holds the site's data. It is safe for concurrent use.
type Store struct {
	Products []Product
	Posts    []Post
	Pages    []Page
	OldPosts []OldPost
	Events   []Event

	mu       sync.Mutex
	comments []Comment
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

// AddComment records a comment.
func (s *Store) AddComment(c Comment) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.comments = append(s.comments, c)
}

// Comments returns the comments, newest first, of one post or of all when
// post is "".
func (s *Store) Comments(post string) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Comment
	for i := len(s.comments) - 1; i >= 0; i-- {
		if post == "" || s.comments[i].Post == post {
			out = append(out, s.comments[i])
		}
	}
	return out
}
