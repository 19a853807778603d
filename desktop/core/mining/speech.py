"""Where a speech's parts sit: the salutation that opens it and the 同志们 that starts its closing."""

from __future__ import annotations

import re
from collections.abc import Iterator

# 同志们： / 各位领导、同志们： / 同志们、朋友们：
SALUTATION_RE = re.compile(r"(?:各位领导、|各位来宾、)?(同志们|各位领导|各位来宾|各位代表)(?:、[^：:，。]{1,8})?[：:]")
CLOSING_RE = re.compile(r"(?:^|(?<=[。！？\s]))(同志们|同志们、朋友们)[，,！!]")
# Sentences that hand over, sum up or announce what comes next.
TRANSITION_START_RE = re.compile(r"^(刚才[，,]|下面|接下来|借此机会|首先[，,]请|一会儿|这里[，,]我|最后[，,]我)")


# Both patterns open with an optional part or an assertion, which keeps the regex engine from skipping
# ahead: a plain check for the words every match holds comes first.
def find_salutation(line: str) -> re.Match[str] | None:
    if "同志们" not in line and "各位" not in line:
        return None
    return SALUTATION_RE.search(line)


def closing_turns(line: str) -> Iterator[re.Match[str]]:
    return CLOSING_RE.finditer(line) if "同志们" in line else iter(())
