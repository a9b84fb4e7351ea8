package partychi
