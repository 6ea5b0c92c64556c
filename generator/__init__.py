"""Generates typed, synchronous Python clients (httpx + pydantic v2) from OpenAPI specs.

from generator import generate
result = generate([Path("specs/bitget.yaml")], check=True)
"""

from .errors import Problem, SpecError
from .pipeline import GenerationResult, default_specs, generate

__all__ = ["GenerationResult", "Problem", "SpecError", "default_specs", "generate"]
