module github.com/partyline-go/partyline/adapters/chi

go 1.25

require github.com/partyline-go/partyline v0.0.0

require github.com/go-chi/chi/v5 v5.5.0

replace github.com/partyline-go/partyline => ../..
