"""Measure what the phrase widgets ask of the bank on every keystroke, on N synthetic phrases
(default 100,000): the 素材 panel's list, the completion popup's candidates and its letter filter.

A measurement, not a test: `python scripts/bench_phrases.py [N]` prints milliseconds per update
(a frame at 60 Hz is 16.7 ms). The panel runs its queries in a worker thread, so even a slow one does
not block typing; the popup runs in the GUI thread and must fit in a frame.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_bank import build  # noqa: E402

from desktop.core.mining.bank import BankGroup, PhraseBank  # noqa: E402
from desktop.core.mining.completion import complete, filter_by_letters  # noqa: E402
from desktop.core.mining.user_phrases import UserPhrases  # noqa: E402

PARAGRAPH = "当前已进入主汛期，防汛形势严峻，各地要压实责任，确保安全度汛，久久"
DRAFT = PARAGRAPH * 200  # a draft of about 6,000 characters, for the 已用 marks
REPEAT = 20


def timed(label: str, fn) -> None:
    fn()  # warm the page cache
    start = time.perf_counter()
    for _ in range(REPEAT):
        result = fn()
    ms = (time.perf_counter() - start) / REPEAT * 1000
    size = len(result) if hasattr(result, "__len__") else len(result.candidates)
    print(f"{label:<40} {ms:7.2f} ms  {size} results")


def main() -> int:
    from desktop.ui.phrases.phrase_panel import PanelQuery, panel_items  # Qt widgets module, no display

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        print(f"built {size} phrases in {build(path, size):.1f} s")
        with PhraseBank.open(path) as bank:
            UserPhrases(bank).set_favourite("久久为功", "idiom", True)
        with PhraseBank.open(path, readonly=True) as bank:
            group = BankGroup([bank])
            favourites = {("久久为功", "idiom")}
            for label, category, query in [
                ("panel 相关, paragraph context", "related", ""),
                ("panel 相关, initials jjwg", "related", "jjwg"),
                ("panel 相关, one letter b", "related", "b"),
                ("panel 四字格, two characters", "idiom", "发展"),
                ("panel 收藏", "favourites", ""),
            ]:
                q = PanelQuery(category, query, PARAGRAPH, DRAFT)
                timed(label, lambda q=q: panel_items(group, q, favourites))
            timed("popup: begun phrase (…久久)", lambda: complete(group, PARAGRAPH, PARAGRAPH))
            timed("popup: parallel run (早审批、)", lambda: complete(group, "我们要早审批、", "我们要早审批、"))
            timed("popup: context only", lambda: complete(group, "各地要压实责任，", PARAGRAPH))
            found = complete(group, "各地要压实责任，", PARAGRAPH)
            timed("popup: letters filter (b)", lambda: filter_by_letters(group, found, "b", PARAGRAPH))
    return 0


if __name__ == "__main__":
    sys.exit(main())
