package partymux
