"""Timed measurements, run by `make bench`; never timing assertions in tests."""
