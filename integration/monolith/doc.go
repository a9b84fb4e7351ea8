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
// The pages show the party: a header names every app with its framework
// and version, and every link to another app carries a badge naming the
// endpoint it was built from and the framework it goes to ("blog:post ·
// echo v5"). Templates write their links with {{link LABEL ENDPOINT KEY
// VALUE...}}, which builds the href with the app's urlFor and adds the badge
// from the party's directory; the crawler test checks that every link to
// another app has one whose endpoint builds exactly its href. One
// stylesheet, embedded, is served at StylesheetPath.
//
// The inspector, at InspectorPath, lists the apps (mount prefix, framework,
// invite path, invitation) and their endpoints (pattern, RFC 6570
// template, an example), and has a form (a GET, no JavaScript needed) that
// builds any endpoint's URL or shows the typed error.
//
// It behaves like a small real site: unknown pages are 404, request bodies
// are capped at MaxBody (413), and the comment store keeps the last
// KeptComments of each post while pages show the last ShownComments, so
// that 10k comments neither fill the memory nor slow the pages
// (integration/bench's TestLoad measures it).
//
// cmd/monolith serves it; the tests in this package crawl it and drive it in
// a real browser.
package monolith
