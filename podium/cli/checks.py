"""Commands: checks (being built)."""
