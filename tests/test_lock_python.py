"""Every pin in requirements-lock.txt installs on every Python that pyproject.toml accepts.

The README's first command installs with `-c requirements-lock.txt`. Debian 12's
`python3` is 3.11.2, inside `requires-python = ">=3.11"`; a pin whose own
Requires-Python is narrower (soupsieve 3+ wants 3.11.5) makes that command fail with a
resolver conflict before anything is installed. A pin for the oldest Python we accept
must therefore allow it, or carry a marker that keeps it to the Pythons it serves.
What a pin's Requires-Python is comes from its installed metadata: the pins checked are
the ones installed here at the locked version.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def oldest_python() -> Version:
    accepted = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["requires-python"])
    oldest = min(spec.version for spec in accepted if spec.operator in (">=", "~=", "=="))
    release = (*Version(oldest).release, 0, 0)[:3]
    return Version(".".join(map(str, release)))


def pins(environment: dict[str, str]) -> list[Requirement]:
    found = []
    for line in (ROOT / "requirements-lock.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            found.append(requirement)
    return found


def test_pins_for_the_oldest_python_allow_it() -> None:
    oldest = oldest_python()
    environment = {"python_version": f"{oldest.major}.{oldest.minor}",
                   "python_full_version": str(oldest)}
    narrower = []
    checked = 0
    for requirement in pins(environment):
        (locked,) = (spec.version for spec in requirement.specifier)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        if Version(dist.version) != Version(locked):
            continue
        checked += 1
        wants = dist.metadata.get("Requires-Python")
        if wants and not SpecifierSet(wants).contains(oldest, prereleases=True):
            narrower.append(f"{requirement.name}=={locked} needs Python {wants}")
    assert checked > 20  # the environment under test is the locked one
    assert narrower == [], f"pins that won't install on Python {oldest}: {narrower}"


def test_each_package_is_pinned_once_per_python() -> None:
    for full in ("3.11.0", "3.11.4", "3.11.5", "3.12.0", "3.13.1"):
        environment = {"python_version": full.rsplit(".", 1)[0], "python_full_version": full}
        names = [requirement.name.lower() for requirement in pins(environment)]
        assert len(names) == len(set(names)), full
