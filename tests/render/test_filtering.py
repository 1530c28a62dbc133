"""Which server-side filters apply where, and what they do to a status (pure)."""

from __future__ import annotations

import pytest

from tootui.filtering import SHOW, Verdict, verdict
from tootui.models import Account, FilterResult, Status

AUTHOR = Account(id="1", username="a", acct="a")
WARN_HOME = FilterResult(title="AI", action="warn", context=("home",))
WARN_ANY = FilterResult(title="spoilers", action="warn", context=())
HIDE_THREAD = FilterResult(title="squid", action="hide", context=("thread", "public"))
BLUR_HOME = FilterResult(title="pics", action="blur", context=("home",))


def post(*results: FilterResult) -> Status:
    return Status(id="1", account=AUTHOR, filtered=results)


@pytest.mark.parametrize(("results", "context", "expected"), [
    ((), "home", SHOW),
    ((WARN_HOME,), "home", Verdict(warn_titles=("AI",))),
    ((WARN_HOME,), "thread", SHOW),  # the filter is for home only
    ((WARN_HOME,), None, Verdict(warn_titles=("AI",))),  # a list that doesn't say where
    ((WARN_ANY,), "notifications", Verdict(warn_titles=("spoilers",))),  # no context sent
    ((WARN_HOME, WARN_ANY, WARN_HOME), "home", Verdict(warn_titles=("AI", "spoilers"))),
    ((WARN_HOME, HIDE_THREAD), "thread", Verdict(hide=True)),
    ((WARN_HOME, HIDE_THREAD), "home", Verdict(warn_titles=("AI",))),
    ((BLUR_HOME,), "home", Verdict(blur=True)),
    ((BLUR_HOME,), "public", SHOW),
])
def test_verdict(results: tuple[FilterResult, ...], context: str | None,
                 expected: Verdict) -> None:
    assert verdict(post(*results), context) == expected


def test_a_boost_is_judged_by_the_post_it_boosts() -> None:
    boost = Status(id="2", account=AUTHOR, reblog=post(HIDE_THREAD))
    assert verdict(boost, "public").hide
    assert not verdict(boost, "home").hide
