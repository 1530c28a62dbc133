"""`DemoServer`: the embedded instance served by uvicorn in a background thread."""

from __future__ import annotations

import secrets
import shutil
import socket
import threading
import time
from pathlib import Path
from types import TracebackType

import uvicorn

from tootui.demo import seed
from tootui.demo.app import create_app
from tootui.demo.errors import DemoStartError
from tootui.demo.faults import Faults
from tootui.demo.generate import GENERATED_KEY, generate
from tootui.demo.instance_state import DEMO_USERNAME, HEARTBEAT_S, InstanceState
from tootui.demo.posting import local_account_id
from tootui.demo.seed_file import load_seed_file
from tootui.demo.seed_notifications import SEEDED_NOTIFICATIONS_KEY, seed_notifications
from tootui.demo.store import Store
from tootui.i18n import _

DB_NAME = "demo.sqlite3"
_START_TIMEOUT_S = 30.0


class _Server(uvicorn.Server):
    """uvicorn that says when it is listening, and never touches signal handlers."""

    def __init__(self, config: uvicorn.Config, ready: threading.Event) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self._ready.set()

    def install_signal_handlers(self) -> None:
        # The owner of the process handles signals (tootui, or the CLI).
        return


class DemoServer:
    """A Mastodon-compatible instance on 127.0.0.1, its data in SQLite under `data_dir`.

    `reset=True` starts from a fresh sample; otherwise what was posted before stays.
    `size` adds that many generated statuses, `seed_file` statuses from a JSON file.
    `sample_notifications` gives the demo user a day of notifications (and the
    posts they are about: see `seed_notifications`).
    `heartbeat_s` is how often an idle stream gets a comment line.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        reset: bool = False,
        size: int = 0,
        seed_file: Path | str | None = None,
        port: int = 0,
        faults: str | None = None,
        heartbeat_s: float = HEARTBEAT_S,
        sample_notifications: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        # Tests shorten it: a client closing an SSE stream from another thread
        # (Mastodon.py does) waits for the next byte the server sends.
        self.heartbeat_s = heartbeat_s
        self.reset = reset
        self.size = size
        self.sample_notifications = sample_notifications
        self.seed_file = Path(seed_file) if seed_file else None
        self.port = port
        self.faults = Faults()
        if faults:
            self.faults.load_spec(faults)
        self._state: InstanceState | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def url(self) -> str:
        if self._url is None:
            raise DemoStartError(_("the demo instance is not running"))
        return self._url

    def _prepare(self) -> Store:
        if self.reset:
            for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
                (self.data_dir / name).unlink(missing_ok=True)
            shutil.rmtree(self.media_dir, ignore_errors=True)
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        store = Store(self.db_path)
        try:
            self._fill(store)
        except BaseException:
            store.close()
            raise
        return store

    def _fill(self, store: Store) -> None:
        if store.get_meta(seed.SEEDED_KEY) is None:
            with store.tx() as db:
                seed.seed_sample(db, self.media_dir)
        if self.sample_notifications and store.get_meta(SEEDED_NOTIFICATIONS_KEY) is None:
            with store.tx() as db:
                seed_notifications(db)
        done = int(store.get_meta(GENERATED_KEY) or 0)
        if self.size > done:
            with store.tx() as db:
                generate(db, self.size, start=done)
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (GENERATED_KEY, str(self.size)),
                )
        if self.seed_file is not None:
            load_seed_file(store, self.seed_file)

    def start(self) -> DemoServer:
        """Open the database, seed it if new, and serve; returns once listening."""
        store = self._prepare()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        port = sock.getsockname()[1]
        self._url = f"http://127.0.0.1:{port}"
        self._state = InstanceState(
            store=store, base_url=self._url, media_dir=self.media_dir, faults=self.faults,
            heartbeat_s=self.heartbeat_s,
        )
        config = uvicorn.Config(
            create_app(self._state),
            log_level="warning",
            access_log=False,
            lifespan="on",
            # Named, not "auto": installing uvloop/httptools/websockets (the test
            # extras pull them in) must not change how the instance behaves.
            loop="asyncio",
            http="h11",
            ws="wsproto",
            timeout_graceful_shutdown=2,
        )
        ready = threading.Event()
        self._server = _Server(config, ready)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="tootui-demo", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while not ready.wait(0.05):
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise DemoStartError(_("the demo instance failed to start"))
        return self

    def serve_forever(self) -> None:
        """Block until `stop()` is called (or the serving thread ends)."""
        if self._thread is not None:
            while self._thread.is_alive():
                self._thread.join(0.5)

    def stop(self) -> None:
        if self._state is not None:
            self._state.bus.close_all()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(10)
        if self._state is not None:
            self._state.store.close()
        self._server = self._thread = self._state = None
        self._url = None

    def create_token(
        self, username: str = DEMO_USERNAME, scopes: str = "read write follow push"
    ) -> str:
        """A ready access token for `username`, as if it had logged in."""
        if self._state is None:
            raise DemoStartError(_("the demo instance is not running"))
        token = secrets.token_urlsafe(32)
        with self._state.store.tx() as db:
            account_id = local_account_id(db, username)
            if account_id is None:
                raise KeyError(username)
            app = db.execute("SELECT id FROM apps WHERE name='tootui demo'").fetchone()
            if app is None:
                app_id = db.execute(
                    "INSERT INTO apps (name, scopes, redirect_uris, client_id, client_secret)"
                    " VALUES ('tootui demo', ?, 'urn:ietf:wg:oauth:2.0:oob', ?, ?)",
                    (scopes, secrets.token_urlsafe(32), secrets.token_urlsafe(32)),
                ).lastrowid
            else:
                app_id = app["id"]
            db.execute(
                "INSERT INTO tokens (token, app_id, account_id, scopes, created_s)"
                " VALUES (?, ?, ?, ?, ?)",
                (token, app_id, account_id, scopes, int(time.time())),
            )
        return token

    def revoke_tokens(self, username: str | None = None) -> None:
        """Revoke every token (or `username`'s): the injected "token revoked" fault."""
        if self._state is None:
            return
        with self._state.store.tx() as db:
            if username is None:
                db.execute("UPDATE tokens SET revoked=1")
            else:
                db.execute(
                    "UPDATE tokens SET revoked=1 WHERE account_id=?",
                    (local_account_id(db, username),),
                )

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
