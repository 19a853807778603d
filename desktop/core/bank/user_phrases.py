"""The writer's own phrases (我的素材) and favourites (收藏), kept in the user's bank.

User phrases are ordinary rows of `phrases`, contributed by one pseudo-document (path
USER_DOCUMENT_PATH), so every query — panel, popup, palette — finds them with no extra code, and a
re-import of the corpus never touches them. Favourites live in the `favourites` table (schema v2),
keyed by text and kind, so they may name phrases of the read-only default bank too.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.bank.store import PhraseBank
from desktop.core.mining.model import KINDS, Phrase
from desktop.core.bank.schema import now_iso
from desktop.core.bank.sentences import normalize_initials

log = logging.getLogger(__name__)

USER_DOCUMENT_PATH = "gongwen:user-phrases"
USER_DOCUMENT_NAME = "我的素材"
MAX_PHRASE_CHARS = 200
_HAN = re.compile(r"[\u3400-\u9fff]")
_RUN_ITEM = re.compile(r"[^、，。；！？\s]+")


@dataclass(frozen=True)
class NewPhrase:
    text: str
    kind: str = ""  # empty: guessed from the text
    initials: str = ""  # empty: computed from the text
    weight: int = 1


def guess_kind(text: str) -> str:
    """A kind for a phrase the writer added: a 、-run of three items is 排比, four characters 四字格."""
    if len([item for item in text.split("、") if _RUN_ITEM.fullmatch(item)]) >= 3:
        return "parallel"
    if len(text) == 4 and len(_HAN.findall(text)) == 4:
        return "idiom"
    return "quote"


def initials_for(text: str) -> str:
    """Pinyin initials of a phrase, phrase-aware for polyphones (行, 重, 长), as the miner computes
    them. Loads pypinyin's tables on first use: call it off the GUI thread."""
    from desktop.core.mining.initials import initials_of  # lazily: it loads pypinyin's dictionaries

    return normalize_initials(initials_of(text))


def check_phrase(text: str, kind: str) -> tuple[str, str]:
    text = " ".join(text.split())
    if not text:
        raise ValueError("素材不能为空")
    if len(text) > MAX_PHRASE_CHARS:
        raise ValueError(f"素材太长（{len(text)} 字，最多 {MAX_PHRASE_CHARS} 字）")
    kind = kind or guess_kind(text)
    if kind not in KINDS:
        raise ValueError(f"未知的素材类别：{kind}")
    return text, kind


class UserPhrases:
    """User phrases and favourites of one writable bank (the user's bank)."""

    def __init__(self, bank: PhraseBank):
        self.bank = bank

    # ---- user phrases --------------------------------------------------------------------------

    def document_id(self, create: bool) -> int | None:
        row = self.bank.conn.execute(
            "SELECT id FROM documents WHERE path = ?", (USER_DOCUMENT_PATH,)
        ).fetchone()
        if row or not create:
            return row[0] if row else None
        return self.bank.conn.execute(
            """INSERT INTO documents (name, path, title, text, content_hash, size, added_at)
               VALUES (?, ?, '', '', 'user-phrases', 0, ?)""",
            (USER_DOCUMENT_NAME, USER_DOCUMENT_PATH, now_iso()),
        ).lastrowid

    def list(self) -> list[Phrase]:
        return read_user_phrases(self.bank)

    def contains(self, text: str, kind: str) -> bool:
        return any(p.text == text and p.kind == kind for p in self.list())

    def add_many(self, phrases: Iterable[NewPhrase]) -> int:
        """Add phrases (in one transaction); returns how many were new. Invalid ones raise ValueError
        before anything is written."""
        checked = []
        for new in phrases:
            text, kind = check_phrase(new.text, new.kind)
            initials = normalize_initials(new.initials) or initials_for(text)
            checked.append((text, kind, initials, max(1, new.weight)))
        added = 0
        touched: set[int] = set()
        with self.bank.transaction():
            doc_id = self.document_id(create=True)
            for text, kind, initials, weight in checked:
                phrase_id = self.bank.conn.execute(
                    """INSERT INTO phrases (text, kind, initials) VALUES (?, ?, ?)
                       ON CONFLICT (text, kind) DO UPDATE SET initials = CASE
                           WHEN phrases.initials = '' THEN excluded.initials ELSE phrases.initials END
                       RETURNING id""",
                    (text, kind, initials),
                ).fetchone()[0]
                cursor = self.bank.conn.execute(
                    "INSERT OR IGNORE INTO occurrences (phrase_id, document_id, count) VALUES (?, ?, ?)",
                    (phrase_id, doc_id, weight),
                )
                added += cursor.rowcount
                touched.add(phrase_id)
            self.bank.refresh_phrases(touched)
        return added

    def add(self, text: str, kind: str = "", initials: str = "") -> bool:
        return self.add_many([NewPhrase(text, kind, initials)]) == 1

    def delete(self, text: str, kind: str) -> bool:
        doc_id = self.document_id(create=False)
        if doc_id is None:
            return False
        with self.bank.transaction():
            row = self.bank.conn.execute(
                "SELECT id FROM phrases WHERE text = ? AND kind = ?", (text, kind)
            ).fetchone()
            if row is None:
                return False
            gone = self.bank.conn.execute(
                "DELETE FROM occurrences WHERE phrase_id = ? AND document_id = ?", (row[0], doc_id)
            ).rowcount
            self.bank.refresh_phrases([row[0]])
        return bool(gone)

    def edit(self, text: str, kind: str, new_text: str, new_kind: str) -> None:
        """Replace a user phrase; a favourite follows it."""
        new_text, new_kind = check_phrase(new_text, new_kind)
        if not self.delete(text, kind):
            raise ValueError(f"“{text}”不是我的素材，不能修改")
        self.add(new_text, new_kind)
        if self.is_favourite(text, kind):
            self.set_favourite(text, kind, False)
            self.set_favourite(new_text, new_kind, True)

    # ---- favourites ----------------------------------------------------------------------------

    def favourites(self) -> list[tuple[str, str]]:
        return [
            (text, kind)
            for text, kind in self.bank.conn.execute("SELECT text, kind FROM favourites ORDER BY added_at")
        ]

    def is_favourite(self, text: str, kind: str) -> bool:
        row = self.bank.conn.execute(
            "SELECT 1 FROM favourites WHERE text = ? AND kind = ?", (text, kind)
        ).fetchone()
        return row is not None

    def set_favourite(self, text: str, kind: str, on: bool) -> None:
        with self.bank.transaction():
            if on:
                self.bank.conn.execute(
                    "INSERT OR IGNORE INTO favourites (text, kind, added_at) VALUES (?, ?, ?)",
                    (text, kind, now_iso()),
                )
            else:
                self.bank.conn.execute("DELETE FROM favourites WHERE text = ? AND kind = ?", (text, kind))


def read_favourites(bank: PhraseBank) -> set[tuple[str, str]]:
    """Favourites of a bank opened for reading (an empty set for a bank without the table)."""
    try:
        return set(bank.conn.execute("SELECT text, kind FROM favourites"))
    except sqlite3.OperationalError:  # a bank of an older layout
        return set()


def read_user_phrases(bank: PhraseBank) -> list[Phrase]:
    """The user phrases of a bank opened for reading (no transaction, no document created)."""
    rows = bank.conn.execute(
        """SELECT p.text, p.kind, p.pattern, p.initials, p.count, p.docs FROM documents d
           JOIN occurrences o ON o.document_id = d.id JOIN phrases p ON p.id = o.phrase_id
           WHERE d.path = ? ORDER BY p.id""",
        (USER_DOCUMENT_PATH,),
    ).fetchall()
    return [Phrase(*row) for row in rows]


def matches_query(query: str, text: str, initials: str) -> bool:
    """The panel's filter on lists it holds itself: pinyin initials by prefix, text by substring."""
    query = query.strip()
    if not query:
        return True
    if query.isascii() and query.isalpha():
        return initials.startswith(query.lower())
    return query in text
