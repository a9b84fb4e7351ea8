package partyecho
