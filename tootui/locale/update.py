"""Maintainer tool: extract, merge, check and compile tootui's catalogues with Babel.

    python -m tootui.locale.update            # extract, update every .po, compile .mo
    python -m tootui.locale.update --check    # only report what is missing or stale
    python -m tootui.locale.update --init fr  # start a catalogue for a new language

It does what `pybabel extract / update / compile` do (see README.md beside it),
in one step and with one policy: file names without line numbers (so moving code
does not rewrite every catalogue), messages the code no longer uses dropped rather
than kept as obsolete, and files rewritten only when a message changed.
This is a developer tool, run from a checkout; its output is not user-facing.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from tootui import __version__

LOCALE_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = LOCALE_DIR.parent
ROOT = PACKAGE_DIR.parent
MAPPING_FILE = ROOT / "babel.cfg"
TEMPLATE = LOCALE_DIR / "tootui.pot"
DOMAIN = "tootui"
COMMENT_TAGS = ("Translators:",)
HEADER = "Translations of tootui, a terminal Mastodon client."

# `{name}` fields of str.format, and Textual/Rich markup tags such as [b],
# [bold red], [@click=...] or [/] (not plain brackets like "[no alt text]"): a
# translation that drops or renames one breaks at runtime or on screen.
_FIELD = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
_MARKUP = re.compile(
    r"\[(?:/[^\[\]]*|[@$][^\[\]]*|[a-z_]+=[^\[\]]*|#[0-9a-fA-F]{6}[^\[\]]*"
    r"|(?:b|i|u|s|bold|italic|underline|strike|dim|reverse|blink|not|on|link)\b[^\[\]]*)\]"
)
# Header lines that change on every run, ignored when deciding whether to write.
_VOLATILE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): .*\n', re.M)


def extract() -> Catalog:
    """Every message in the code, as a template catalogue (msgstr empty)."""
    with MAPPING_FILE.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING_FILE))
    template = Catalog(project="tootui", version=__version__, domain=DOMAIN,
                       header_comment=f"# {HEADER}")
    found = extract_from_dir(
        PACKAGE_DIR,
        method_map=method_map,
        options_map=options_map,
        keywords=DEFAULT_KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        location = (f"tootui/{filename}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(locale: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.po"


def mo_path(locale: str, domain: str = DOMAIN) -> Path:
    return po_path(locale, domain).with_suffix(".mo")


def locales() -> list[str]:
    """The languages that have a catalogue, by directory name."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalogue(locale: str, domain: str = DOMAIN) -> Catalog:
    with po_path(locale, domain).open("rb") as po:
        return read_po(po, locale=locale, domain=domain)


def update_catalogue(catalog: Catalog, template: Catalog) -> None:
    """Merge the template into `catalog`: new or changed messages appear
    untranslated, and messages the code no longer uses are dropped.

    No fuzzy matching: Babel's guesses for short labels are often wrong ("Posted."
    took the translation of "Boosted"), and a wrong hint is easily accepted.
    """
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_bytes(catalog: Catalog, *, template: bool = False) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=76, include_lineno=False, ignore_obsolete=True,
             omit_header=False, include_previous=not template)
    return out.getvalue()


def _write_if_changed(path: Path, data: bytes, *, text: bool) -> bool:
    if path.exists():
        old = path.read_bytes()
        if old == data or (text and _VOLATILE.sub(b"", old) == _VOLATILE.sub(b"", data)):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    if isinstance(message.string, (list, tuple)):
        return tuple(message.string)
    return (message.string or "",)


def _fields(texts: Iterable[str]) -> set[str]:
    return {match.split("!")[0].split(":")[0] for t in texts for match in _FIELD.findall(t)}


def _markup(text: str) -> list[str]:
    return sorted(_MARKUP.findall(text))


def _key(message: Message) -> tuple[str, str | None]:
    return (_ids(message)[0], message.context)


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What keeps `catalog` from matching the code: each problem on one line."""
    found: list[str] = []
    wanted = {_key(m) for m in template if m.id}
    for message in template:
        if not message.id:
            continue
        ids = _ids(message)
        where = ", ".join(f"{f}" for f, _line in message.locations[:2])
        have = catalog.get(message.id, context=message.context)
        if have is None:
            found.append(f"untranslated (not in catalogue): {ids[0]!r} [{where}]")
            continue
        strings = _strings(have)
        if have.fuzzy or not all(s.strip() for s in strings):
            found.append(f"untranslated{' (fuzzy)' if have.fuzzy else ''}: {ids[0]!r} [{where}]")
            continue
        if _ids(have)[1:] != ids[1:]:
            found.append(f"plural form changed: {ids[0]!r}")
            continue
        allowed = _fields(ids)
        used = _fields(strings)
        if not used <= allowed or not _fields(ids[-1:]) <= used:
            found.append(f"placeholders differ: {ids[0]!r}: {sorted(allowed)} vs {sorted(used)}")
        if any(_markup(s) != _markup(ids[-1]) and _markup(s) != _markup(ids[0]) for s in strings):
            found.append(f"markup differs: {ids[0]!r}")
    for message in catalog:
        if message.id and _key(message) not in wanted:
            found.append(f"obsolete (no longer in the code): {_ids(message)[0]!r}")
    found.extend(f"obsolete (kept as #~): {_ids(m)[0]!r}" for m in catalog.obsolete.values())
    for message, errors in catalog.check():
        if message.fuzzy or not all(s.strip() for s in _strings(message)):
            continue  # reported above as untranslated
        found.extend(f"{e}: {_ids(message)[0]!r}" for e in errors)
    return found


def mo_matches_po(locale: str, domain: str = DOMAIN) -> bool:
    """Whether the shipped .mo holds exactly what the .po compiles to."""
    path = mo_path(locale, domain)
    if not path.exists():
        return False
    with path.open("rb") as mo:
        shipped = read_mo(mo)
    expected = read_mo(io.BytesIO(compiled(read_catalogue(locale, domain))))
    return _translations(shipped) == _translations(expected) and (
        shipped.plural_forms == expected.plural_forms
    )


def _translations(catalog: Catalog) -> dict[tuple[str, str | None], tuple[str, ...]]:
    return {_key(m): _strings(m) for m in catalog if m.id}


def new_catalogue(locale: str) -> Catalog:
    """An empty catalogue for `locale`, its header filled in."""
    catalog = Catalog(locale=locale, project="tootui", version=__version__, domain=DOMAIN,
                      header_comment=f"# {HEADER}",
                      last_translator="tootui contributors", language_team=locale)
    catalog.fuzzy = False
    return catalog


def run(*, check_only: bool, init: str | None) -> int:
    template = extract()
    if init:
        if po_path(init).exists():
            print(f"{po_path(init)} exists already", file=sys.stderr)
            return 1
        catalog = new_catalogue(init)
        update_catalogue(catalog, template)
        _write_if_changed(po_path(init), po_bytes(catalog), text=True)
    if not check_only and _write_if_changed(
        TEMPLATE, po_bytes(template, template=True), text=True
    ):
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    status = 0
    for locale in locales():
        catalog = read_catalogue(locale)
        if not check_only:
            update_catalogue(catalog, template)
            if _write_if_changed(po_path(locale), po_bytes(catalog), text=True):
                print(f"wrote {po_path(locale).relative_to(ROOT)}")
            if _write_if_changed(mo_path(locale), compiled(catalog), text=False):
                print(f"wrote {mo_path(locale).relative_to(ROOT)}")
        issues = problems(catalog, template)
        if check_only and not mo_matches_po(locale):
            issues.append(f"{mo_path(locale).name} is stale: run without --check")
        for issue in issues:
            print(f"{locale}: {issue}")
        total = sum(1 for m in template if m.id)
        print(f"{locale}: {total} messages in the code, {len(issues)} problems")
        status = status or (1 if issues else 0)
        status = _run_argparse(locale, check_only=check_only) or status
    return status


def argparse_problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What keeps argparse's catalogue from covering this Python's argparse.

    Messages of other Python versions are not "obsolete" here (see argparse_catalogue).
    """
    return [p for p in problems(catalog, template) if not p.startswith("obsolete")]


def _run_argparse(locale: str, *, check_only: bool) -> int:
    from tootui.locale import argparse_catalogue as ap

    template = ap.extract()
    path = po_path(locale, ap.DOMAIN)
    catalog = read_catalogue(locale, ap.DOMAIN) if path.exists() else new_catalogue(locale)
    if not check_only:
        ap.add_new(catalog, template)
        if _write_if_changed(path, po_bytes(catalog), text=True):
            print(f"wrote {path.relative_to(ROOT)}")
        mo = mo_path(locale, ap.DOMAIN)
        if _write_if_changed(mo, compiled(catalog), text=False):
            print(f"wrote {mo.relative_to(ROOT)}")
    issues = argparse_problems(catalog, template)
    if check_only and not mo_matches_po(locale, ap.DOMAIN):
        issues.append(f"{ap.DOMAIN}.mo is stale: run without --check")
    for issue in issues:
        print(f"{locale} ({ap.DOMAIN}): {issue}")
    print(f"{locale} ({ap.DOMAIN}): {len(issues)} problems")
    return 1 if issues else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tootui.locale.update", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    parser.add_argument("--init", metavar="LOCALE", help="start a catalogue for LOCALE")
    args = parser.parse_args(argv)
    return run(check_only=args.check, init=args.init)


if __name__ == "__main__":
    raise SystemExit(main())
