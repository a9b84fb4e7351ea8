//go:build race

package urlfor_test

const raceEnabled = true
