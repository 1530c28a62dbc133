"""The Simplified Chinese catalogue matches the code: nothing missing, nothing stale.

When one of these fails after a change to the code's strings, run
`python -m tootui.locale.update`, translate what it lists, and run it again
(see tootui/locale/README.md).
"""

from __future__ import annotations

import gettext
import tomllib
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from tootui.i18n import LOCALE_DIR, _, current_language, ngettext, set_language
from tootui.language import LANGUAGE_NAMES
from tootui.locale import update

HOW_TO_FIX = "run `python -m tootui.locale.update`, translate, run it again"


@pytest.fixture(scope="module")
def template() -> Catalog:
    return update.extract()


@pytest.fixture(scope="module")
def zh_catalogue() -> Catalog:
    return update.read_catalogue("zh_CN")


def test_extraction_config_finds_all_three_functions(tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text(
        "from tootui.i18n import _, N_, ngettext\n"
        "TITLE = N_('Marked at import time')\n"
        "shown = _('Shown now')\n"
        "counted = ngettext('{n} reply', '{n} replies', 2)\n",
        encoding="utf-8",
    )
    with update.MAPPING_FILE.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            tmp_path, method_map, options_map, keywords=DEFAULT_KEYWORDS
        )
    }
    assert found == {"Marked at import time", "Shown now", ("{n} reply", "{n} replies")}


def test_extraction_covers_the_package(template: Catalog) -> None:
    files = {path for message in template for path, _line in message.locations}
    assert "tootui/l10n.py" in files
    assert "tootui/language.py" in files
    assert template.get("now") is not None


def test_every_message_has_a_simplified_chinese_translation(
    template: Catalog, zh_catalogue: Catalog
) -> None:
    missing = [p for p in update.problems(zh_catalogue, template) if p.startswith("untranslated")]
    assert not missing, f"{len(missing)} untranslated ({HOW_TO_FIX}):\n" + "\n".join(missing)


def test_catalogue_holds_no_message_the_code_no_longer_uses(
    template: Catalog, zh_catalogue: Catalog
) -> None:
    stale = [p for p in update.problems(zh_catalogue, template) if p.startswith("obsolete")]
    assert not stale, f"{len(stale)} obsolete ({HOW_TO_FIX}):\n" + "\n".join(stale)


def test_translations_keep_placeholders_and_markup(
    template: Catalog, zh_catalogue: Catalog
) -> None:
    broken = [
        p
        for p in update.problems(zh_catalogue, template)
        if not p.startswith(("untranslated", "obsolete"))
    ]
    assert not broken, "\n".join(broken)


def test_shipped_mo_is_compiled_from_the_po() -> None:
    assert update.mo_matches_po("zh_CN"), f"tootui.mo is stale: {HOW_TO_FIX}"


def test_every_catalogue_is_offered_and_every_offer_has_a_catalogue() -> None:
    assert set(update.locales()) == set(LANGUAGE_NAMES) - {"en"}


def test_compiled_catalogues_are_package_data() -> None:
    # setuptools globs these patterns under the package directory.
    pyproject = tomllib.loads((update.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["tootui"]
    shipped = {p for pattern in patterns for p in update.PACKAGE_DIR.glob(pattern)}
    for locale in update.locales():
        assert update.mo_path(locale) in shipped
        assert update.mo_path(locale).is_relative_to(LOCALE_DIR)


def test_gettext_loads_the_shipped_catalogue() -> None:
    set_language("zh_CN")
    assert current_language() == "zh_CN"
    assert _("now") == "刚刚"
    set_language("en")
    assert _("now") == "now"


def test_plural_messages_use_the_chinese_single_form(zh_catalogue: Catalog) -> None:
    plurals = [
        (m.id, m.string)
        for m in zh_catalogue
        if isinstance(m.id, tuple) and isinstance(m.string, tuple) and m.string[0]
    ]
    if not plurals:
        pytest.skip("no plural message in the code yet")
    (singular, plural, *_rest), (chinese, *_more) = plurals[0]
    set_language("zh_CN")
    assert ngettext(singular, plural, 1) == chinese
    assert ngettext(singular, plural, 7) == chinese
    set_language("en")
    assert ngettext(singular, plural, 1) == singular
    assert ngettext(singular, plural, 7) == plural


@pytest.mark.parametrize("language", ["fr", "zh_TW", "", "../../etc"])
def test_a_language_without_catalogue_means_english(language: str) -> None:
    set_language("zh_CN")
    set_language(language)
    assert current_language() == "en"
    assert _("now") == "now"


def test_catalogue_declares_chinese_plural_rule(zh_catalogue: Catalog) -> None:
    assert zh_catalogue.num_plurals == 1
    with update.mo_path("zh_CN").open("rb") as mo:
        assert gettext.GNUTranslations(mo).info()["plural-forms"] == "nplurals=1; plural=0;"


def _catalogue(entries: dict[str, str], *, fuzzy: frozenset[str] = frozenset()) -> Catalog:
    catalog = Catalog(locale="zh_CN")
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, flags=("fuzzy",) if msgid in fuzzy else ())
    return catalog


def test_problems_reports_each_kind_of_mismatch() -> None:
    code = _catalogue(dict.fromkeys(["Quit", "Reply to {name}", "[b]Bold[/b]", "Gone?"], ""))
    code.add(("{n} boost", "{n} boosts"))
    ok = _catalogue(
        {"Quit": "退出", "Reply to {name}": "回复 {name}", "[b]Bold[/b]": "[b]粗体[/b]",
         "Gone?": "没了？"}
    )
    ok.add(("{n} boost", "{n} boosts"), ("{n} 次转嘟",))
    assert update.problems(ok, code) == []

    bad = _catalogue(
        {"Quit": "", "Reply to {name}": "回复 {名字}", "[b]Bold[/b]": "粗体", "Gone?": "没了？",
         "Removed long ago": "早已删除"},
        fuzzy=frozenset({"Gone?"}),
    )
    bad.add(("{n} boost", "{n} boosts"), ("转嘟",))
    found = "\n".join(update.problems(bad, code))
    assert "untranslated: 'Quit'" in found
    assert "untranslated (fuzzy): 'Gone?'" in found
    assert "placeholders differ: 'Reply to {name}'" in found
    assert "placeholders differ: '{n} boost'" in found
    assert "markup differs: '[b]Bold[/b]'" in found
    assert "obsolete (no longer in the code): 'Removed long ago'" in found


def test_the_empty_string_is_not_the_catalogue_header() -> None:
    set_language("zh_CN")
    assert _("") == ""


# -- argparse's own messages (tootui/locale/<lang>/LC_MESSAGES/argparse.po) --------


def test_argparse_catalogue_covers_this_python_s_argparse() -> None:
    from tootui.locale import argparse_catalogue

    template = argparse_catalogue.extract()
    assert template.get("usage: ") is not None  # extraction found argparse's messages
    catalogue = update.read_catalogue("zh_CN", argparse_catalogue.DOMAIN)
    issues = update.argparse_problems(catalogue, template)
    assert not issues, f"{HOW_TO_FIX}:\n" + "\n".join(issues)


def test_argparse_catalogue_is_compiled_and_shipped() -> None:
    from tootui.locale import argparse_catalogue

    assert update.mo_matches_po("zh_CN", argparse_catalogue.DOMAIN), HOW_TO_FIX
    pyproject = tomllib.loads((update.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["tootui"]
    shipped = {p for pattern in patterns for p in update.PACKAGE_DIR.glob(pattern)}
    assert update.mo_path("zh_CN", argparse_catalogue.DOMAIN) in shipped


def test_argparse_catalogue_keeps_other_pythons_messages(tmp_path: Path) -> None:
    from tootui.locale import argparse_catalogue

    source = tmp_path / "argparse.py"
    source.write_text("_('usage: ')\n_('a message of a newer Python')\n", encoding="utf-8")
    template = argparse_catalogue.extract(source)
    catalogue = Catalog(locale="zh_CN")
    catalogue.add("usage: ", "用法：")
    catalogue.add("a message of an older Python", "旧版本的消息")
    assert argparse_catalogue.add_new(catalogue, template) == 1
    assert catalogue.get("a message of an older Python") is not None
    found = update.argparse_problems(catalogue, template)
    assert found == ["untranslated: 'a message of a newer Python' [argparse.py]"]
