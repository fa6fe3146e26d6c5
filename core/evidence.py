"""Proof documents a client hands over (issue 25): what is accepted, and how photos are stripped
of what they tell about the client beyond the proof itself.

Pure: bytes in, bytes out; no files, no clock. :func:`prepare` takes an upload's bytes and the
name the browser gave it and returns an :class:`Evidence` ready to store, or raises an
:class:`EvidenceError` with a code the catalogue words (``error.evidence_<…>``):

- **the kind is read from the content**, never from the name: a PDF starts with ``%PDF-``, a
  JPEG with ``FF D8 FF``, a PNG with its 8-byte signature; anything else is refused
  (``evidence_kind``), whatever it is called. A PNG named ``x.pdf`` is stored as a PNG named
  ``x.png``.
- **limits** (:mod:`core.limits`): an empty file (``evidence_empty``), a file over
  :data:`~core.limits.MAX_EVIDENCE_BYTES` (``evidence_too_large``), an image over
  :data:`~core.limits.MAX_EVIDENCE_PIXELS` (``evidence_too_many_pixels``, checked from its
  header before anything is decoded).
- **images must decode** (Pillow): a truncated or damaged photo is refused
  (``evidence_corrupt``) rather than stored as a proof nobody can open.
- **images are scrubbed losslessly**: the compressed image data is copied byte for byte, only
  metadata is taken out, so the pixels are exactly those of the upload.

  JPEG — of the segments before and between the scans, only the quantisation and Huffman
  tables, frame and scan headers, restart intervals, APP0 (JFIF), APP2 holding an ICC colour
  profile and APP14 (Adobe colour transform) are kept. Every APP1 (Exif — GPS position, time,
  camera, owner — and XMP), APP13 (IPTC / Photoshop), COM and any other application segment
  (maker data, MPF pointers to embedded previews) is dropped, as is anything after the end
  marker (where phones append previews, each with its own Exif). When the Exif had an
  orientation, a minimal Exif holding only that tag is written back, so that the photo is not
  shown on its side.

  PNG — the critical chunks and the ancillary ones that only say how to draw the pixels
  (:data:`PNG_KEPT`: transparency, gamma, chromaticities, sRGB, ICC profile, pixel size,
  significant bits, background) are kept; every other chunk — text (``tEXt``, ``zTXt``,
  ``iTXt``), Exif (``eXIf``), the time (``tIME``), private chunks — is dropped, as is anything
  after ``IEND``. A chunk whose checksum is wrong makes the file ``evidence_corrupt``.

  PDF — accepted as it is once it starts with ``%PDF-`` and ends with ``%%EOF`` (within the last
  1024 bytes); its own metadata (author, producer, dates) is **not** altered, and the page says
  so.
- **the file name** loses any folder part, control characters and characters file systems
  refuse, is cut to :data:`~core.limits.MAX_EVIDENCE_NAME_LENGTH` and gets the extension of the
  kind found (``.pdf``, ``.jpg``, ``.png``).
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from core.calls import DocumentItem
from core.errors import CoreError
from core.limits import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_MB,
    MAX_EVIDENCE_NAME_LENGTH,
    MAX_EVIDENCE_PIXELS,
)

__all__ = [
    "EXTENSIONS",
    "MIME_TYPES",
    "PNG_KEPT",
    "Evidence",
    "EvidenceError",
    "EvidenceFile",
    "EvidenceKind",
    "detect_kind",
    "prepare",
    "safe_file_name",
    "scrub_jpeg",
    "scrub_png",
]


class EvidenceKind(StrEnum):
    """The kinds of proof document accepted, as found in the content."""

    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"


EXTENSIONS: dict[EvidenceKind, str] = {
    EvidenceKind.PDF: ".pdf",
    EvidenceKind.JPEG: ".jpg",
    EvidenceKind.PNG: ".png",
}
MIME_TYPES: dict[EvidenceKind, str] = {
    EvidenceKind.PDF: "application/pdf",
    EvidenceKind.JPEG: "image/jpeg",
    EvidenceKind.PNG: "image/png",
}

PDF_MAGIC = b"%PDF-"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: How near the end a PDF's ``%%EOF`` must be.
PDF_EOF_WINDOW = 1024

#: PNG chunks kept: the critical ones and those that only say how to draw the pixels.
PNG_KEPT = frozenset(
    {
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"gAMA",
        b"cHRM",
        b"sRGB",
        b"iCCP",
        b"pHYs",
        b"sBIT",
        b"bKGD",
    }
)

#: The Exif tag of a photo's orientation (1: upright … 8).
ORIENTATION = 0x0112


class EvidenceError(CoreError):
    """An upload that cannot be kept as proof; ``code`` says why (``evidence_kind`` …)."""

    code = "evidence_invalid"


def _refuse(code: str, message: str, **params: Any) -> EvidenceError:
    return EvidenceError("evidence", message, code=code, params=params)


class Evidence(BaseModel):
    """An upload accepted and scrubbed: the bytes to store, their kind, name, size and hash.

    ``removed`` names what was taken out (``"APP1"``, ``"COM"``, ``"tEXt"``, ``"trailer"`` …),
    each once, in the order met; ``orientation`` is the Exif orientation written back (JPEG)."""

    model_config = ConfigDict(frozen=True)

    kind: EvidenceKind
    data: bytes = Field(repr=False)
    file_name: str = Field(min_length=1, max_length=MAX_EVIDENCE_NAME_LENGTH)
    removed: tuple[str, ...] = ()
    orientation: int | None = None

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class EvidenceFile(BaseModel):
    """A proof document as stored for a client (its content is read apart, on purpose)."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int
    item: DocumentItem
    file_name: str = Field(min_length=1, max_length=MAX_EVIDENCE_NAME_LENGTH)
    kind: EvidenceKind
    size: int = Field(ge=1, le=MAX_EVIDENCE_BYTES)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", min_length=64, max_length=64)
    uploaded_at: AwareDatetime
    uploaded_by: int | None = None


# --- kind ------------------------------------------------------------------------------------


def detect_kind(data: bytes) -> EvidenceKind | None:
    """The kind ``data`` is by its first bytes, or None.

    >>> detect_kind(b"%PDF-1.7 ..."), detect_kind(b"GIF89a")
    (<EvidenceKind.PDF: 'pdf'>, None)
    """
    if data.startswith(PDF_MAGIC):
        return EvidenceKind.PDF
    if data.startswith(JPEG_MAGIC):
        return EvidenceKind.JPEG
    if data.startswith(PNG_SIGNATURE):
        return EvidenceKind.PNG
    return None


# --- file name -------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]+')
_BLANKS = re.compile(r"\s+")


def safe_file_name(name: str, kind: EvidenceKind) -> str:
    """``name`` fit to store and to offer for download: no folder part, no control or reserved
    characters, its extension replaced by the kind's, at most
    :data:`~core.limits.MAX_EVIDENCE_NAME_LENGTH` characters.

    >>> safe_file_name("C:\\\\Users\\\\张明\\\\身份证 正面.JPG", EvidenceKind.JPEG)
    '身份证 正面.jpg'
    >>> safe_file_name("../../etc/passwd", EvidenceKind.PNG)
    'passwd.png'
    >>> safe_file_name("", EvidenceKind.PDF)
    'evidence.pdf'
    """
    text = unicodedata.normalize("NFC", name or "")
    text = re.split(r"[\\/]", text)[-1]
    text = _BLANKS.sub(" ", _UNSAFE.sub("", text)).strip()
    stem, dot, _extension = text.rpartition(".")
    if not dot:
        stem = text
    stem = stem.strip(" .")
    extension = EXTENSIONS[kind]
    stem = stem[: MAX_EVIDENCE_NAME_LENGTH - len(extension)].rstrip(" .") or "evidence"
    return stem + extension


# --- JPEG ------------------------------------------------------------------------------------

_SOI, _EOI, _SOS, _COM = 0xD8, 0xD9, 0xDA, 0xFE
_APP0, _APP2, _APP14 = 0xE0, 0xE2, 0xEE
#: Start-of-frame markers (they carry the size); C4 (DHT), C8 (JPG), CC (DAC) are not frames.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def _segment_name(marker: int) -> str:
    if 0xE0 <= marker <= 0xEF:
        return f"APP{marker - 0xE0}"
    return "COM" if marker == _COM else f"FF{marker:02X}"


def _keep_jpeg_segment(marker: int, body: bytes) -> bool:
    if 0xE0 <= marker <= 0xEF:
        if marker == _APP0:
            return body.startswith((b"JFIF\x00", b"JFXX\x00"))
        if marker == _APP2:
            return body.startswith(b"ICC_PROFILE\x00")
        if marker == _APP14:
            return body.startswith(b"Adobe")
        return False
    return marker != _COM


def _orientation(exif_body: bytes) -> int | None:
    """The orientation tag of an Exif APP1's body, if it holds one from 1 to 8."""
    from PIL import Image

    try:
        exif = Image.Exif()
        exif.load(exif_body)
        value = exif.get(ORIENTATION)
    except Exception:  # a damaged Exif block: dropped whole, like any other
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _orientation_segment(orientation: int) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    body = exif.tobytes()
    if not body.startswith(b"Exif\x00\x00"):  # pragma: no cover - older Pillow
        body = b"Exif\x00\x00" + body
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def _corrupt(kind: str) -> EvidenceError:
    return _refuse("evidence_corrupt", f"the {kind} is damaged or incomplete")


@dataclass
class _JpegScrub:
    data: bytes
    out: bytearray
    removed: list[str]
    orientation: int | None = None
    pixels: int | None = None

    def note(self, name: str) -> None:
        if name not in self.removed:
            self.removed.append(name)


def scrub_jpeg(data: bytes) -> Evidence:
    """``data`` (a JPEG) with its metadata segments taken out (see the module doc); the image
    data itself copied unchanged. :class:`EvidenceError` (``evidence_corrupt``) for a file
    whose segments do not hold together."""
    state = _JpegScrub(data=data, out=bytearray(b"\xff\xd8"), removed=[])
    position = _jpeg_segments(state, 2)
    if position < len(data):
        state.note("trailer")
    if state.pixels is None:
        raise _corrupt("JPEG")
    _check_pixels(state.pixels)
    out = bytes(state.out)
    if state.orientation is not None:
        insert_at = 2
        if out[2:4] == b"\xff\xe0":  # after the JFIF segment, which comes first
            insert_at = 4 + struct.unpack(">H", out[4:6])[0]
        out = out[:insert_at] + _orientation_segment(state.orientation) + out[insert_at:]
    return Evidence(
        kind=EvidenceKind.JPEG,
        data=out,
        file_name="evidence.jpg",
        removed=tuple(state.removed),
        orientation=state.orientation,
    )


def _jpeg_segments(state: _JpegScrub, position: int) -> int:
    """Copy the kept segments (and the scans' data) from ``position``; the position after EOI."""
    data, out = state.data, state.out
    size = len(data)
    while True:
        if position >= size or data[position] != 0xFF:
            raise _corrupt("JPEG")
        while position < size and data[position] == 0xFF:  # fill bytes
            position += 1
        if position >= size:
            raise _corrupt("JPEG")
        marker = data[position]
        position += 1
        if marker == _EOI:
            out += b"\xff\xd9"
            return position
        if marker in _STANDALONE or marker == _SOI:
            raise _corrupt("JPEG")
        if position + 2 > size:
            raise _corrupt("JPEG")
        length = struct.unpack(">H", data[position : position + 2])[0]
        end = position + length
        if length < 2 or end > size:
            raise _corrupt("JPEG")
        body = data[position + 2 : end]
        if marker in _SOF:
            if len(body) < 5:
                raise _corrupt("JPEG")
            height, width = struct.unpack(">HH", body[1:5])
            state.pixels = height * width
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00") and state.orientation is None:
            state.orientation = _orientation(body)
        if _keep_jpeg_segment(marker, body):
            out += bytes((0xFF, marker)) + data[position:end]
        else:
            state.note(_segment_name(marker))
        position = end
        if marker == _SOS:
            position = _copy_scan(data, position, out)


def _copy_scan(data: bytes, position: int, out: bytearray) -> int:
    """Copy a scan's entropy-coded data (with its stuffed ``FF 00`` and restart markers) up to
    the next marker; return that marker's position."""
    size = len(data)
    start = position
    while True:
        found = data.find(b"\xff", position)
        if found < 0 or found + 1 >= size:
            raise _corrupt("JPEG")
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position = found + 2
            continue
        if following == 0xFF:  # fill before a marker
            position = found + 1
            continue
        out += data[start:found]
        return found


# --- PNG -------------------------------------------------------------------------------------


def scrub_png(data: bytes) -> Evidence:
    """``data`` (a PNG) with only the chunks of :data:`PNG_KEPT`, each copied unchanged (see the
    module doc). :class:`EvidenceError` (``evidence_corrupt``) for a broken chunk."""
    out = bytearray(PNG_SIGNATURE)
    removed: list[str] = []
    position = len(PNG_SIGNATURE)
    size = len(data)
    seen_header = False
    while True:
        if position + 8 > size:
            raise _corrupt("PNG")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > size or not kind.isalpha():
            raise _corrupt("PNG")
        chunk = data[position:end]
        crc = struct.unpack(">I", chunk[-4:])[0]
        if zlib.crc32(chunk[4:-4]) & 0xFFFFFFFF != crc:
            raise _corrupt("PNG")
        if not seen_header:
            if kind != b"IHDR" or length != 13:
                raise _corrupt("PNG")
            width, height = struct.unpack(">II", chunk[8:16])
            _check_pixels(width * height)
            seen_header = True
        if kind in PNG_KEPT:
            out += chunk
        else:
            name = kind.decode("ascii")
            if name not in removed:
                removed.append(name)
        position = end
        if kind == b"IEND":
            break
    if position < size:
        removed.append("trailer")
    return Evidence(
        kind=EvidenceKind.PNG, data=bytes(out), file_name="evidence.png", removed=tuple(removed)
    )


# --- PDF -------------------------------------------------------------------------------------


def check_pdf(data: bytes) -> Evidence:
    """``data`` as it is, once it looks like a whole PDF (header, and ``%%EOF`` at its end)."""
    if b"%%EOF" not in data[-PDF_EOF_WINDOW:]:
        raise _corrupt("PDF")
    return Evidence(kind=EvidenceKind.PDF, data=data, file_name="evidence.pdf")


# --- the whole check -------------------------------------------------------------------------


def _check_pixels(pixels: int) -> None:
    if pixels <= 0:
        raise _corrupt("image")
    if pixels > MAX_EVIDENCE_PIXELS:
        raise _refuse(
            "evidence_too_many_pixels",
            f"{pixels} pixels, more than the {MAX_EVIDENCE_PIXELS} accepted",
            max_megapixels=MAX_EVIDENCE_PIXELS // 1_000_000,
        )


def decodes(data: bytes) -> tuple[int, int]:
    """The size of the image ``data`` holds, decoding all of it (Pillow, fed from memory);
    :class:`EvidenceError` (``evidence_corrupt``) when it does not decode whole."""
    from PIL import ImageFile

    parser = ImageFile.Parser()
    try:
        parser.feed(data)
        image = parser.close()
        image.load()
    except Exception:  # any failure (Pillow raises many kinds): not a usable image
        raise _corrupt("image") from None
    return image.size


def prepare(data: bytes, file_name: str) -> Evidence:
    """An upload checked and scrubbed, ready to store (see the module doc)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise _refuse("evidence_empty", "no file")
    data = bytes(data)
    if not data:
        raise _refuse("evidence_empty", "the file is empty")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise _refuse(
            "evidence_too_large",
            f"{len(data)} bytes, more than the {MAX_EVIDENCE_BYTES} accepted",
            max_mb=MAX_EVIDENCE_MB,
        )
    kind = detect_kind(data)
    if kind is None:
        raise _refuse("evidence_kind", "not a PDF, JPEG or PNG file (by its content)")
    if kind is EvidenceKind.PDF:
        evidence = check_pdf(data)
    else:
        evidence = scrub_jpeg(data) if kind is EvidenceKind.JPEG else scrub_png(data)
        decodes(evidence.data)  # what is stored must open whole
    return evidence.model_copy(update={"file_name": safe_file_name(file_name, kind)})
