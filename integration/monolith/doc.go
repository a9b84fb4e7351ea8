// Package monolith is the demo site of partyline: eight apps written with
// eight frameworks (two generations of echo and of fiber among them),
// mounted in one http.ServeMux and wrapped by one party, whose pages link
// to each other through urlFor without knowing each other's routes or
// mount points.
//
//	/          a Gin shop               (namespace shop)
//	/blog      an echo v5 blog          (namespace blog)
//	/events    a fiber v3 events app    (namespace events, through partyfiberv3.Handler)
//	/api       a gorilla/mux API        (namespace api; JSON with "href" links)
//	/admin     a chi admin              (namespace admin)
//	/help      a net/http help app      (namespace help, through partyhttp)
//
// and the legacy part of the site, kept on the frameworks' older versions:
//
//	/archive   an echo v4 archive       (namespace archive: the blog's old posts)
//	/legacy    a fiber v2 legacy app    (namespace legacy, through partyfiber.Handler)
//
// The generations link to each other: a blog post to its archived
// predecessor and to an event, an archived post forward to the blog, an
// event back to a legacy page, a legacy page forward to an event. The
// blog's comment form posts to the blog, which redirects by name to the
// admin's list of comments. Everything is in memory.
//
// cmd/monolith serves it; the tests in this package crawl it and drive it in
// a real browser.
package monolith
