module github.com/partyline-go/partyline/adapters/echov5

go 1.25.0

require (
	github.com/labstack/echo/v5 v5.4.6
	github.com/partyline-go/partyline v0.0.0
)

replace github.com/partyline-go/partyline => ../..
