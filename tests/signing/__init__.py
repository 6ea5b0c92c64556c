"""Signing conformance: one small spec per exchange, checked against ccxt and published examples."""
