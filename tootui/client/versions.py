"""Keep Mastodon.py's version checks from turning features off on odd servers.

Mastodon.py reads the server's `version` and, for some calls, picks an older
endpoint or refuses a feature when the number looks old: `instance()` falls
back to v1 below 4.0.0, `search()` to the removed v1 search below 2.4.1, media
upload to v1 below 3.1.4. Servers that are not Mastodon report their own
numbers (GoToSocial "0.17.3", snac "2.7x", Misskey forks "2024.x") or strings
it can't parse at all, which it reads as 1.0.0. tootui speaks the current API
and handles what a server lacks as errors (`NotFoundError`), so Mastodon.py
is told to assume a current Mastodon and never to ask the server.
"""

from __future__ import annotations

from typing import Any

ASSUMED_VERSION = (4, 5, 0)


def assume_current_server(api: Any) -> None:
    """Make `api` (a `mastodon.Mastodon`) treat the server as a current Mastodon."""
    api.mastodon_major, api.mastodon_minor, api.mastodon_patch = ASSUMED_VERSION
    version = ".".join(str(n) for n in ASSUMED_VERSION)

    def retrieve_mastodon_version(fail_hard: bool = False) -> str:
        # Mastodon.py re-reads the version before some calls; the answer stays.
        return version

    # An instance attribute: shadows the method for this client only.
    api.retrieve_mastodon_version = retrieve_mastodon_version


def skip_typed_entities(api: Any) -> None:
    """Make `api` hand back the JSON as it came, not typed entities.

    tootui reads every answer into its own models (`convert.py`, written for raw
    JSON); Mastodon.py's typed entities were built only to be thrown away, and
    building them is most of the time of a call: 0.7 s for a thread of 200 posts
    against 25 ms for the request. An instance attribute, like the version above,
    shadows the (name-mangled) method `__api_request` calls for every answer.
    The top level keeps what Mastodon.py's pagination code sets and reads on it:
    a list takes attributes, a dict's keys read as attributes.
    """
    from mastodon.return_types import PaginatableList

    def as_received(value: Any, override_type: Any = None) -> tuple[Any, None]:
        if isinstance(value, list):
            return PaginatableList(value), None
        if isinstance(value, dict):
            return _Answer(value), None
        return value, None

    api._Mastodon__try_cast_to_type = as_received


class _Answer(dict[str, Any]):
    """A JSON object whose keys also read as attributes (nested values stay as they came)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
