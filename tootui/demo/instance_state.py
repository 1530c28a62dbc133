"""Everything a request handler needs from the running instance, in one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tootui.demo.events import EventBus
from tootui.demo.faults import Faults
from tootui.demo.store import Store

MAX_CHARACTERS = 5000
HEARTBEAT_S = 15.0  # Mastodon's streaming server comments every 15 s on an idle stream
DEMO_USERNAME = "demo"


@dataclass
class InstanceState:
    """The store, this run's base URL, the media folder, the event bus and faults."""

    store: Store
    base_url: str
    media_dir: Path
    bus: EventBus = field(default_factory=EventBus)
    faults: Faults = field(default_factory=Faults)
    max_characters: int = MAX_CHARACTERS
    heartbeat_s: float = HEARTBEAT_S

    def revoke_tokens(self) -> None:
        with self.store.tx() as db:
            db.execute("UPDATE tokens SET revoked=1")

    @property
    def domain(self) -> str:
        return self.base_url.split("://", 1)[1]
