"""Commands: web (being built)."""
