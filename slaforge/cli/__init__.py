"""Thin click commands; each parses its options, calls the core and prints."""
