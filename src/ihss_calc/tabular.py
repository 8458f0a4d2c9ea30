"""Text in, for batch work and timesheets: a file or standard input, read and decoded a chunk
at a time, so that a line whose bytes are not text in the encoding is that line's problem, not
the end of the run."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from itertools import chain

from ihss_calc.i18n import _

CHUNK = 1 << 20  # bytes read and decoded at a time


class BadInput(Exception):
    """Input that cannot be read at all (a header with no input columns, say): usage, exit 2."""


class Lines:
    """The input's text lines, read and decoded a chunk at a time. A line whose bytes are not
    text in ``encoding`` comes through with replacement characters, and its number in ``bad``
    with the reason; ``read`` counts the bytes read, for a progress bar."""

    def __init__(self, stream: io.BufferedIOBase, encoding: str) -> None:
        info = codecs.lookup(encoding)  # LookupError for an unknown encoding: the caller's
        if "\n,a".encode(info.name) != b"\n,a":
            raise BadInput(
                _(
                    "{encoding} is not an encoding ihss can read CSV or JSON Lines in; "
                    "use utf-8, cp1252 or latin-1, say"
                ).format(encoding=encoding)
            )
        self.encoding = info.name
        self.bad: dict[int, str] = {}
        self._where: dict[int, tuple[int, int]] = {}  # line: (byte, column) that did not decode
        self.read = 0
        self._stream = stream

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(io.StringIO(t, newline="") for t in self._chunks())

    def _chunks(self) -> Iterator[str]:
        rest, line, first = b"", 1, True
        while True:
            data = self._stream.read1(CHUNK)  # what has come, so a pipe streams
            self.read += len(data)
            if not data and not rest:
                return
            cut = data.rfind(b"\n") + 1 if data else len(rest) + len(data)
            if data and not cut:  # no line end in this chunk: read on
                rest += data
                continue
            block, rest = rest + data[:cut], data[cut:] if data else b""
            if first and self.encoding == "utf-8" and block.startswith(codecs.BOM_UTF8):
                block = block[3:]  # a spreadsheet's byte-order mark
            first = False
            try:
                text = block.decode(self.encoding)
            except UnicodeDecodeError:
                text = "".join(self._decode_lines(block, line))
            line += block.count(b"\n")
            yield text

    def _decode_lines(self, block: bytes, line: int) -> Iterator[str]:
        for number, raw in enumerate(io.BytesIO(block), start=line):
            try:
                yield raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                self._where[number] = (raw[exc.start], exc.start + 1)
                self.bad[number] = _(
                    "line {line} is not {encoding} text (byte {byte} at column {column}); if the "
                    "file comes from a spreadsheet, try --encoding cp1252"
                ).format(line=number, encoding=self.encoding, byte=f"{raw[exc.start]:#04x}",
                         column=exc.start + 1)  # fmt: skip
                yield raw.decode(self.encoding, "replace")

    def header_problem(self) -> str | None:
        """Why the header line (line 1) is not text, if it is not."""
        if 1 not in self._where:
            return None
        byte, column = self._where[1]
        return _(
            "the header line is not {encoding} text (byte {byte} at column {column}); if the "
            "file comes from a spreadsheet, try --encoding cp1252"
        ).format(encoding=self.encoding, byte=f"{byte:#04x}", column=column)
