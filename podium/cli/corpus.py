"""Commands: corpus (being built)."""
