module github.com/partyline-go/partyline/adapters/fiber

go 1.25

require github.com/partyline-go/partyline v0.0.0

replace github.com/partyline-go/partyline => ../..
