//go:build !race

package urlfor_test

const raceEnabled = false
