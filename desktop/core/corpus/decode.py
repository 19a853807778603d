"""Decode text files: UTF-8 (with or without BOM), UTF-16 (BOM), GB18030/GBK."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import InputError


@dataclass(frozen=True)
class DecodedText:
    text: str  # with every line ending read as \n
    encoding: str  # the codec name to write it back with
    newline: str  # "\n" or "\r\n", as the file had it
    bom: bool = False


def decode_bytes(data: bytes, path: Path | None = None) -> DecodedText:
    if data.startswith(codecs.BOM_UTF8):
        text, encoding, bom = data[3:].decode("utf-8"), "utf-8", True
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding, bom = data.decode("utf-16"), "utf-16", True
    else:
        bom = False
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise InputError(path, "无法识别文本编码（支持 UTF-8、GB18030/GBK、UTF-16）") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, newline, bom)


def read_text_file(path: str | Path) -> DecodedText:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    return decode_bytes(data, path)
