"""Materializers: one per kind of value, saving it to files and loading it back."""
