"""Decode text files without cleaning them: UTF-8 (with or without BOM), UTF-16/32 (BOM), GB18030/GBK.

The linter and the editor read drafts through read_text_file; DecodedText keeps the encoding, the line
ending and the BOM so a draft can be written back exactly the way it came.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.core.corpus.files import read_bytes
from desktop.core.corpus.limits import MAX_TEXT_BYTES
from desktop.core.errors import InputError
from desktop.core.files import encode_text

log = logging.getLogger(__name__)

# Signatures of files that are not text although they may be named .txt.
_MAGIC = (
    (b"PK\x03\x04", "这是 Word（.docx）或压缩文件，不是纯文本；请按其真实类型导入"),
    (b"%PDF", "这是 PDF 文件，不是纯文本；请把扩展名改为 .pdf 后导入"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "这是旧版 Word（.doc）或 WPS 文件，不是纯文本；请把扩展名改为 .doc 后导入",
    ),
    (b"{\\rtf", "这是 RTF 文件，不是纯文本；请在 Word 中另存为 .docx 后导入"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Replacement characters a file may carry without being refused (a stray bad byte in a long file).
_MAX_BAD_CHAR_RATIO = 0.001
# Control characters beyond this share mean the bytes are not text at all.
_MAX_CONTROL_RATIO = 0.005
# Allowed: \t \n \v \f \r, and \x1a, the DOS end-of-file mark some old files carry.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class DecodedText:
    text: str  # with every line ending read as \n, without the BOM
    # The codec: "utf-8", "gb18030", "utf-16"/"utf-32" (Python writes their BOM itself), or
    # "utf-16-le"/"utf-16-be" for BOM-less UTF-16. A UTF-8 BOM is kept in `bom`; encode() restores it.
    encoding: str
    newline: str  # "\n", "\r\n" or "\r", as the file had it
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        """The bytes to write text (default: this text) back the way the file came."""
        return encode_text(self.text if text is None else text, self.encoding, self.newline, self.bom)


def decode_bytes(data: bytes, path: str | Path | None = None) -> DecodedText:
    """Decode a text file's bytes, or raise InputError naming the file and the reason.

    An empty file decodes to empty text (an editor may open an empty draft); read_document refuses it.
    """
    if not data:
        return DecodedText("", "utf-8", "\n", False)
    for signature, reason in _MAGIC:
        if data.startswith(signature):
            raise InputError(path, reason)

    text, encoding, bom = _decode(data, path)
    _refuse_binary(text, path)
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, encoding, newline, bom)


def read_text_file(path: str | Path, max_bytes: int = MAX_TEXT_BYTES) -> DecodedText:
    """Read and decode a text file; the size is checked before a byte is read."""
    path = Path(path)
    return decode_bytes(read_bytes(path, max_bytes), path)


def _decode(data: bytes, path: str | Path | None) -> tuple[str, str, bool]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                body = data[len(bom) :] if codec == "utf-8" else data
                return body.decode(codec), codec, True
            except UnicodeDecodeError:
                raise InputError(path, f"文件带有 {codec.upper()} 标记，但内容无法按此编码读取") from None

    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, False
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError(path, "不是文本文件（含有二进制内容）")

    candidates: list[tuple[str, str]] = []
    for codec in ("utf-8", "gb18030"):
        try:
            candidates.append((data.decode(codec), codec))
        except UnicodeDecodeError:
            pass
    if len(candidates) == 2:
        # Both decode: short GBK text can be valid UTF-8 by accident. UTF-8 wins unless it reads as
        # characters a Chinese document does not contain (Latin-1 accents, Cyrillic, Arabic...).
        (utf8_text, _), (gb_text, _) = candidates
        if _implausible_ratio(utf8_text) > _implausible_ratio(gb_text) + 0.05:
            return gb_text, "gb18030", False
        return utf8_text, "utf-8", False
    if candidates:
        text, codec = candidates[0]
        return text, codec, False

    # Neither decodes cleanly: accept the closer one if only a stray byte is broken.
    best = min(
        ((data.decode(codec, errors="replace"), codec) for codec in ("utf-8", "gb18030")),
        key=lambda pair: pair[0].count("\ufffd"),
    )
    text, codec = best
    if text.count("\ufffd") <= max(1, len(text) * _MAX_BAD_CHAR_RATIO):
        log.warning("%s: %d undecodable bytes replaced (%s)", path, text.count("\ufffd"), codec)
        return text.replace("\ufffd", ""), codec, False
    raise InputError(path, "无法识别文本编码（支持 UTF-8、GB18030/GBK、带标记的 UTF-16）")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (the high half of ASCII and line ends) on one side only."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    # Chinese characters such as 一 (U+4E00) put a NUL on the other side now and then.
    if odd_nul >= 4 and even_nul * 3 <= odd_nul:
        codec = "utf-16-le"
    elif even_nul >= 4 and odd_nul * 3 <= even_nul:
        codec = "utf-16-be"
    else:
        return None
    text = sample.decode(codec, errors="replace")  # the sample may end inside a surrogate pair
    return codec if _implausible_ratio(text) < 0.2 else None


def _implausible_ratio(text: str) -> float:
    """Share of non-ASCII characters that a Chinese document would hardly contain."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if not _plausible(ch)) / len(non_ascii)


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x30FF  # CJK punctuation, kana
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x27BF  # general punctuation, ①, arrows, maths, shapes, ★
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or ch in "×÷·°±©®§¥£€"
        or 0x20000 <= code <= 0x2FA1F  # supplementary ideographs
    )


def _refuse_binary(text: str, path: str | Path | None) -> None:
    controls = len(_CONTROL_CHARS.findall(text))
    if controls and controls > len(text) * _MAX_CONTROL_RATIO:
        raise InputError(path, "不是文本文件（含有大量控制字符，可能是二进制文件）")
