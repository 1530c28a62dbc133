"""Access tokens and client secrets, kept only in the operating system's keyring.

Service `tootui`: one entry per profile (`token:NAME`) and one per instance
(`client-secret:URL`, shared by that instance's profiles). There is no
plain-text fallback: a backend that would write secrets to a file, or no
backend at all, is reported as unusable.
"""

from __future__ import annotations

import secrets
from contextlib import closing

import keyring
import keyring.backend
import keyring.core
import keyring.errors
from keyring.backends import chainer, fail, null

from tootui.client.errors import one_line
from tootui.i18n import _

SERVICE = "tootui"
_PROBE = "probe:usable"


class KeyringUnavailable(Exception):
    """No secure keyring can store secrets; `str()` says what is wrong and how to fix it."""


def _is_plain_file(backend: keyring.backend.KeyringBackend) -> bool:
    # keyrings.alt's backends write secrets to files (plain or weakly encrypted).
    return type(backend).__module__.startswith("keyrings.alt")


def _pick_backend() -> keyring.backend.KeyringBackend:
    """The backend the environment selects now, never a plain-file or no-op one."""
    try:
        # Detected afresh rather than cached, so PYTHON_KEYRING_BACKEND and the
        # D-Bus session in force now are the ones used.
        keyring.core.init_backend()
        backend = keyring.get_keyring()
    except Exception as exc:
        # Backends probe D-Bus or the OS while being detected and raise whatever
        # their transport raises; every such failure means no usable keyring.
        raise KeyringUnavailable(
            _("No usable keyring ({reason}): start a Secret Service (e.g. gnome-keyring) "
              "in this session and try again.").format(reason=_one_line(exc))
        ) from None
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    usable = [
        b for b in candidates
        if not isinstance(b, (fail.Keyring, null.Keyring, chainer.ChainerBackend))
        and not _is_plain_file(b)
    ]
    if not usable:
        if any(_is_plain_file(b) for b in candidates):
            raise KeyringUnavailable(
                _("The only keyring available stores secrets in a plain file, which tootui "
                  "refuses: start a Secret Service (e.g. gnome-keyring) and try again.")
            )
        raise KeyringUnavailable(
            _("No keyring found to keep your access token: start a Secret Service "
              "(e.g. gnome-keyring) in this session, or set PYTHON_KEYRING_BACKEND, "
              "and try again.")
        )
    # A chainer writes to whichever backend accepts; pin the best secure one.
    return max(usable, key=lambda b: b.priority)


def _one_line(exc: BaseException) -> str:
    return one_line(str(exc)) or type(exc).__name__


def _check_not_locked(backend: keyring.backend.KeyringBackend) -> None:
    """A locked Secret Service collection would pop a prompt that can't show in a terminal."""
    if type(backend).__module__ != "keyring.backends.SecretService":
        return
    import secretstorage

    try:
        with closing(secretstorage.dbus_init()) as bus:
            locked = secretstorage.get_default_collection(bus).is_locked()
    except (secretstorage.exceptions.SecretStorageException, OSError) as exc:
        raise KeyringUnavailable(
            _("Can't reach the Secret Service: {reason}. Start or unlock your keyring "
              "(e.g. gnome-keyring) and try again.").format(reason=_one_line(exc))
        ) from None
    if locked:
        raise KeyringUnavailable(
            _("Your keyring is locked: unlock it (e.g. log in to your desktop session, "
              "or run `gnome-keyring-daemon --unlock`) and try again.")
        )


class KeyringStore:
    """The secrets of every profile, in the backend chosen when it was created."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend if backend is not None else _pick_backend()

    def check_usable(self) -> None:
        """Store, read back and delete a random secret, or raise `KeyringUnavailable`."""
        _check_not_locked(self._backend)
        probe = secrets.token_hex(16)
        try:
            self._backend.set_password(SERVICE, _PROBE, probe)
            stored = self._backend.get_password(SERVICE, _PROBE)
            self._backend.delete_password(SERVICE, _PROBE)
        except keyring.errors.KeyringLocked:
            raise KeyringUnavailable(
                _("Your keyring is locked: unlock it and try again.")
            ) from None
        except Exception as exc:
            # Backends raise their own transport errors (D-Bus, OS); any of them
            # means the same thing to the user: secrets can't be kept.
            raise KeyringUnavailable(
                _("The keyring can't store secrets: {reason}. Check that your keyring "
                  "(e.g. gnome-keyring) is running and unlocked.").format(
                    reason=_one_line(exc))
            ) from None
        if stored != probe:
            raise KeyringUnavailable(
                _("The keyring did not return what was stored in it: check your keyring.")
            )

    def _get(self, key: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, key)
        except Exception as exc:
            raise KeyringUnavailable(
                _("Can't read from the keyring: {reason}.").format(reason=_one_line(exc))
            ) from None

    def _set(self, key: str, value: str) -> None:
        try:
            self._backend.set_password(SERVICE, key, value)
        except Exception as exc:
            raise KeyringUnavailable(
                _("Can't write to the keyring: {reason}.").format(reason=_one_line(exc))
            ) from None

    def _delete(self, key: str) -> bool:
        try:
            self._backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            return False
        except Exception as exc:
            raise KeyringUnavailable(
                _("Can't delete from the keyring: {reason}.").format(reason=_one_line(exc))
            ) from None
        return True

    def token(self, profile: str) -> str | None:
        """The access token of `profile`, or None when it has none."""
        return self._get(f"token:{profile}")

    def set_token(self, profile: str, token: str) -> None:
        self._set(f"token:{profile}", token)

    def delete_token(self, profile: str) -> bool:
        """Forget `profile`'s token; False when there was none."""
        return self._delete(f"token:{profile}")

    def client_secret(self, instance: str) -> str | None:
        """The client secret of tootui's app on `instance` (a normalised base URL)."""
        return self._get(f"client-secret:{instance}")

    def set_client_secret(self, instance: str, secret: str) -> None:
        self._set(f"client-secret:{instance}", secret)

    def delete_client_secret(self, instance: str) -> bool:
        return self._delete(f"client-secret:{instance}")
