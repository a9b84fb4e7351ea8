// Package partyfiber lets a Fiber v2 app join a partyline.
package partyfiber
