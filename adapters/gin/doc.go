package partygin
