// Command monolith serves the partyline demo: a Gin shop, an echo v5 blog, a
// fiber v3 events app, a gorilla/mux API, a chi admin, a net/http help app,
// and the legacy part of the site, an echo v4 archive and a fiber v2 legacy
// app, mounted in one http.ServeMux, linking to each other by endpoint name.
//
//	go run ./integration/cmd/monolith [-addr 127.0.0.1:8080] [-debug]
//	go run ./integration/cmd/monolith routes
//	go run ./integration/cmd/monolith manifest
//	go run ./integration/cmd/monolith url NAME [KEY VALUE]...
//
// manifest prints the route manifest of every endpoint (the JavaScript
// client's input, also served at /__party__/manifest.json); url prints the
// URL Go builds for an endpoint, or the error on stderr with exit status 1.
//
// The site serves its inspector at /__party__: every app and endpoint, and a
// form that builds any endpoint's URL or shows the typed error. The listing
// it prints names each app; with -debug the log also shows every invitation
// and each app's join, at debug level. A failed invitation is an error, and
// the command exits with it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/partyline-go/partyline/integration/monolith"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "monolith:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("monolith", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	debug := fs.Bool("debug", false, "log at debug level: every invitation, each app's join")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: monolith [-addr host:port] [-debug]   serve the site")
		fmt.Fprintln(stderr, "       monolith routes                      print every endpoint")
		fmt.Fprintln(stderr, "       monolith manifest                    print the route manifest (JSON)")
		fmt.Fprintln(stderr, "       monolith url NAME [KEY VALUE]...     print the URL of an endpoint")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	gin.SetMode(gin.ReleaseMode)
	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	switch fs.Arg(0) {
	case "":
	case "routes", "manifest", "url":
		site, err := monolith.New(monolith.Options{})
		if err != nil {
			return err
		}
		defer site.Close()
		return offline(site, fs.Args(), stdout)
	default:
		fs.Usage()
		return fmt.Errorf("unknown command %q", fs.Arg(0))
	}

	site, err := monolith.New(monolith.Options{Logger: logger, Debug: *debug})
	if err != nil {
		return err
	}
	defer site.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	listing(stdout, site, ln.Addr().String())

	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listing writes what the command prints when it serves: one line per app
// that joined the party, then the address. The README shows it as it is.
func listing(w io.Writer, site *monolith.Site, addr string) {
	fmt.Fprintf(w, "partyline monolith: %s apps, one party\n", monolith.Spell(len(monolith.Mounts)))
	site.Summary(w)
	fmt.Fprintf(w, "listening on http://%s/\n", addr)
}

// offline runs the commands that build the site without serving it.
func offline(site *monolith.Site, args []string, stdout io.Writer) error {
	switch args[0] {
	case "routes":
		return site.WriteRoutes(stdout)
	case "manifest":
		m, err := site.Manifest()
		if err != nil {
			return err
		}
		data, err := m.JSON()
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", data)
		return err
	}
	if len(args) < 2 || len(args)%2 != 0 {
		return errors.New("usage: monolith url NAME [KEY VALUE]...")
	}
	u, err := site.Builder.URL(args[1], args[2:]...)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, u)
	return err
}
