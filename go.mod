module github.com/partyline-go/partyline

go 1.25
