"""Compare an entity we serve with a real one: same keys, same JSON types."""

from __future__ import annotations

from typing import Any


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def differences(mine: Any, real: Any, path: str = "$") -> list[str]:
    """Where `mine` departs from `real`; nulls on either side match any type."""
    if mine is None or real is None:
        return []
    if _kind(mine) != _kind(real):
        return [f"{path}: {_kind(mine)} != {_kind(real)}"]
    found: list[str] = []
    if isinstance(real, dict):
        for key in sorted(set(real) - set(mine)):
            found.append(f"{path}.{key}: missing")
        for key in sorted(set(mine) - set(real)):
            found.append(f"{path}.{key}: extra")
        for key in set(real) & set(mine):
            found += differences(mine[key], real[key], f"{path}.{key}")
    elif isinstance(real, list) and real and mine:
        found += differences(mine[0], real[0], f"{path}[0]")
    return found
