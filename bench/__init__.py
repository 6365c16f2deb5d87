"""Benchmarks of the till on a generated 1,000,000-product catalogue: ``make bench`` (see docs/BENCHMARKS.md)."""
