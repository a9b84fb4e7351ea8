module github.com/partyline-go/partyline/adapters/mux

go 1.25

require github.com/partyline-go/partyline v0.0.0

require github.com/gorilla/mux v1.8.1

replace github.com/partyline-go/partyline => ../..
