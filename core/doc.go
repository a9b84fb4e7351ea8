// Package core is the partyline: a middleware that wraps a dispatcher of
// several mounted web apps, invites each of them once at start-up and lets
// them talk to each other through named services.
//
// It is a Go port of Python's wsgi_party (BSD, 2012). The shape is the same:
//
//   - every app registers an invite route (by default [DefaultInvitePath]);
//   - [New] wraps the dispatcher and sends one in-process GET to every invite
//     path, in order, before it returns;
//   - the invited app calls [AcceptInvitation] and keeps the [Operator] it gets;
//   - apps [Operator.Connect] handlers to services and [Operator.AskAround]
//     a service to collect the answers of every other app.
//
// And it is stricter than wsgi_party, which never checked an invitation's
// status and let an app's exception escape its constructor:
//
//   - every listed app must join: an invitation no adapter accepted, one its
//     adapter declined ([Operator.Decline], with the reason), a 5xx or a
//     panic is an error from [New] that names the invite path and what
//     answered, and the remaining invitations are still sent
//     ([Party.Invitations] reports every outcome, and a [WithLogger] logger
//     sees each one); [AllowDecline] keeps wsgi_party's "404 means not
//     participating" for apps that may decline;
//   - invite paths are unreachable from outside: [Party.ServeHTTP] answers 404
//     for them whatever the method, query or percent-encoding;
//   - the operator travels in the request context and, for bridges that build
//     a fresh request (Fiber's adaptor), as a one-time 128-bit token in the
//     [TokenHeader] header, valid only while its invitation is served;
//   - a handler's error or panic comes back from AskAround as a
//     [*HandlerError] naming the service and the participant;
//   - everything is safe for concurrent use, and asking around takes no lock:
//     services live in a copy-on-write snapshot.
package core
