"""Where a speech's parts sit: the salutation that opens it and the 同志们 that starts its closing."""

from __future__ import annotations

import re

# 同志们： / 各位领导、同志们： / 同志们、朋友们：
SALUTATION_RE = re.compile(r"(?:各位领导、|各位来宾、)?(同志们|各位领导|各位来宾|各位代表)(?:、[^：:，。]{1,8})?[：:]")
CLOSING_RE = re.compile(r"(?:^|(?<=[。！？\s]))(同志们|同志们、朋友们)[，,！!]")
# Sentences that hand over, sum up or announce what comes next.
TRANSITION_START_RE = re.compile(r"^(刚才[，,]|下面|接下来|借此机会|首先[，,]请|一会儿|这里[，,]我|最后[，,]我)")
