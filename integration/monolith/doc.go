// Package monolith is the demo site of partyline: six apps written with six
// frameworks, mounted in one http.ServeMux and wrapped by one party, whose
// pages link to each other through urlFor without knowing each other's
// routes or mount points.
//
//	/         a Gin shop          (namespace shop)
//	/blog     an Echo blog        (namespace blog)
//	/api      a gorilla/mux API   (namespace api; JSON with "href" links)
//	/admin    a chi admin         (namespace admin)
//	/legacy   a Fiber legacy app  (namespace legacy, through partyfiber.Handler)
//	/help     a net/http help app (namespace help, through partyhttp)
//
// The blog's comment form posts to the blog, which redirects by name to the
// admin's list of comments. Everything is in memory.
//
// cmd/monolith serves it; the tests in this package crawl it and drive it in
// a real browser.
package monolith
