"""Properties of cleaning over generated text: it never fails, and cleaning clean text changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.core.corpus import clean_text
from desktop.core.corpus.junk_rules import load_junk_rules
from tests.conftest import SEEDS_DIR
from tests.unit.corpus.conftest import wrap

RULES = load_junk_rules()
SEED_LINES = [
    line for path in sorted(SEEDS_DIR.glob("*.txt")) for line in path.read_text("utf-8").split("\n")
]
JUNK_LINES = [example for rule in (*RULES.line, *RULES.inline, *RULES.block_start) for example in rule.junk]
TEXTISH = st.text(
    alphabet=st.sampled_from(
        list('同志们要抓好落实一二三、（）()，,。.：:；;？?！!“”"  XX×1234567890abcQ\t\u3000\u00a0\n')
    ),
    max_size=300,
)
LINES = st.lists(st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(JUNK_LINES), TEXTISH), max_size=12)


TITLE = "在市政府重点工作推进会上的讲话"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
# A title repeated twice in the body: dropping the first copy must not bring the second within reach
# of a second cleaning.
@example([TITLE, TITLE, *["酷乐文行"] * 5, TITLE])
@example(["0:", "”"])  # a closing quote joined to its paragraph makes the colon before it Chinese
@example(["0 ,", "！"])  # ... and the widened comma lets the space before it go
# A junk line between a clause and a word set apart: once it is gone, the word joins its sentence at once.
@example(["00000000000,", "仅供学习 禁止外传", "一", "今天这次会议，是经市委研究决定召开的，主要任务是总结工作、部署任务。"])
# A short line repeated between lines of marks only: the marks go later, so they are no neighbours.
@example(["0一\n;", "0一\n;", "0一\n;"])
def test_cleaning_never_fails_and_is_idempotent(lines):
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once
    assert "\n\n" not in once and not once.startswith("\n")


def test_the_seeds_are_clean_after_one_pass():
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        once = clean_text(path.read_text("utf-8"))
        assert clean_text(once) == once, path.name


BODY = [
    line for line in (SEEDS_DIR / "001_07a2ac641371adfc.txt").read_text("utf-8").split("\n")[1:20] if line
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(BODY), min_size=2, max_size=8),
    st.integers(min_value=18, max_value=40),
    st.booleans(),
    st.sampled_from([" ", "\n"]),
)
def test_reflowing_a_wrapped_body_loses_and_changes_no_character(paragraphs, line_width, indent, separator):
    """Wrap real paragraphs at a page width (with or without a two-character indent), keep the lines as
    lines (a PDF saved as text) or join them with spaces (a web copy of a PDF); cleaning gives back every
    character in order."""
    lines = [line for paragraph in paragraphs for line in wrap(paragraph, line_width, indent)]
    cleaned = clean_text(separator.join(lines))
    assert cleaned.replace("\n", "") == clean_text("".join(paragraphs)).replace("\n", "")
