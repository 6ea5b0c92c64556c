"""Benchmarks with published figures: generation speed, scale, per-call overhead, import time."""
