"""A real, private Secret Service for tests: dbus-daemon + gnome-keyring-daemon.

The bus has no service directories, so nothing is D-Bus-activated behind our
back (an activated keyring daemon would come up locked); the keyring daemon is
unlocked with a throwaway password on stdin under the test's own HOME.
Needs the Debian packages `dbus` and `gnome-keyring`; a missing one fails loudly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from jeepney import DBusAddress, MatchRule, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SECRETS_NAME = "org.freedesktop.secrets"
_READY_TIMEOUT = 30.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceError(RuntimeError):
    """The private Secret Service could not be started."""


def _require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise SecretServiceError(
            f"{program} not found: install the Debian packages `dbus` and `gnome-keyring` "
            "(apt-get install -y dbus gnome-keyring) to run the keyring tests"
        )
    return found


class PrivateSecretService:
    """Runs a session bus and an unlocked gnome-keyring in `root` until `stop()`."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env
        self.address = ""
        self._bus: subprocess.Popen[bytes] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        """Start both daemons, wait until the secrets name is owned; return the bus address."""
        dbus_daemon = _require("dbus-daemon")
        keyring_daemon = _require("gnome-keyring-daemon")
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        config = self.root / "bus.conf"
        config.write_text(_BUS_CONFIG.format(socket=self.root / "bus"))
        self._bus = subprocess.Popen(
            [dbus_daemon, f"--config-file={config}", "--nofork", "--nosyslog",
             "--print-address=1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=self.env,
        )
        assert self._bus.stdout is not None
        # dbus-daemon prints its address once it is listening.
        line = self._bus.stdout.readline().decode().strip()
        if not line:
            err = self._bus.stderr.read().decode() if self._bus.stderr else ""
            self.stop()
            raise SecretServiceError(f"dbus-daemon did not start: {err.strip()}")
        self.address = line
        env = dict(self.env, DBUS_SESSION_BUS_ADDRESS=self.address)
        with open_dbus_connection(bus=self.address) as conn:
            rule = MatchRule(
                type="signal", sender=message_bus.bus_name, interface=message_bus.interface,
                member="NameOwnerChanged", path=message_bus.object_path,
            )
            rule.add_arg_condition(0, SECRETS_NAME)
            conn.send_and_get_reply(message_bus.AddMatch(rule))
            with conn.filter(rule) as queue:
                self._keyring = subprocess.Popen(
                    [keyring_daemon, "--foreground", "--unlock", "--components=secrets"],
                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, env=env,
                )
                assert self._keyring.stdin is not None
                self._keyring.stdin.write(b"throwaway-test-password")
                self._keyring.stdin.close()
                if not self._name_has_owner(conn):
                    try:
                        conn.recv_until_filtered(queue, timeout=_READY_TIMEOUT)
                    except TimeoutError:
                        self.stop()
                        raise SecretServiceError(
                            "gnome-keyring-daemon did not take org.freedesktop.secrets "
                            f"within {_READY_TIMEOUT:.0f}s"
                        ) from None
        return self.address

    @staticmethod
    def _name_has_owner(conn: object) -> bool:
        call = new_method_call(
            DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                        interface="org.freedesktop.DBus"),
            "NameHasOwner", "s", (SECRETS_NAME,),
        )
        reply = conn.send_and_get_reply(call)  # type: ignore[attr-defined]
        return bool(reply.body[0])

    def stop(self) -> None:
        for proc in (self._keyring, self._bus):
            if proc is None or proc.poll() is not None:
                continue
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for proc in (self._keyring, self._bus):
            if proc is not None:
                for stream in (proc.stdout, proc.stderr):
                    if stream is not None:
                        stream.close()
        self._keyring = self._bus = None


def environment_for(home: Path) -> dict[str, str]:
    """The daemons' environment: the test's HOME and XDG dirs, nothing of the user's."""
    keep = ("PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
            "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "LANG")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["HOME"] = str(home)
    return env
