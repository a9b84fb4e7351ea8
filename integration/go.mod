module github.com/partyline-go/partyline/integration

go 1.25

require github.com/partyline-go/partyline v0.0.0

replace github.com/partyline-go/partyline => ..

replace (
	github.com/partyline-go/partyline/adapters/chi => ../adapters/chi
	github.com/partyline-go/partyline/adapters/echo => ../adapters/echo
	github.com/partyline-go/partyline/adapters/fiber => ../adapters/fiber
	github.com/partyline-go/partyline/adapters/gin => ../adapters/gin
	github.com/partyline-go/partyline/adapters/mux => ../adapters/mux
)
