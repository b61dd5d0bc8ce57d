"""Commands: quantities (being built)."""
