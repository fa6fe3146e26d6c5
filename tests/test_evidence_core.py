"""Proof documents in ``core.evidence``: the kind read from the content, the limits, and photos
scrubbed losslessly — no GPS, no Exif but the orientation, no comments or text chunks, the
pixels exactly those of the upload."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms, PngImagePlugin

from core.evidence import (
    PNG_SIGNATURE,
    EvidenceError,
    EvidenceKind,
    detect_kind,
    prepare,
    safe_file_name,
    scrub_jpeg,
    scrub_png,
)
from core.limits import MAX_EVIDENCE_BYTES, MAX_EVIDENCE_NAME_LENGTH

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
DESCRIPTION = 0x010E
MAKE = 0x010F
MARKER = "RT-MARKER-7f3a9c"


def gradient(width: int, height: int, mode: str = "RGB") -> Image.Image:
    image = Image.new("RGB", (width, height))
    image.putdata(
        [
            ((x * 7) % 256, (y * 13) % 256, (x * y) % 256)
            for y in range(height)
            for x in range(width)
        ]
    )
    return image.convert(mode)


def gps_exif(orientation: int | None = None, latitude: float = 31.2304) -> Image.Exif:
    exif = Image.Exif()
    exif[DESCRIPTION] = MARKER
    exif[MAKE] = "PhoneMaker"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (float(int(latitude)), 13.0, 49.44)
    gps[3] = "E"
    gps[4] = (121.0, 28.0, 25.2)
    exif.get_ifd(EXIF_IFD)[0x9003] = "2026:03:01 21:30:00"  # DateTimeOriginal
    return exif


def photo(
    orientation: int | None = 6,
    *,
    size: tuple[int, int] = (40, 30),
    comment: bytes = MARKER.encode(),
    **save: object,
) -> bytes:
    out = io.BytesIO()
    gradient(*size).save(
        out, "JPEG", exif=gps_exif(orientation).tobytes(), comment=comment, quality=90, **save
    )
    return out.getvalue()


def pixels(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.tobytes()


def markers(data: bytes) -> list[int]:
    """The JPEG's segment markers up to the first scan."""
    found, position = [], 2
    while data[position] == 0xFF:
        marker = data[position + 1]
        found.append(marker)
        if marker == 0xDA:
            break
        position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
    return found


def png_chunks(data: bytes) -> list[bytes]:
    found, position = [], len(PNG_SIGNATURE)
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        found.append(kind)
        position += 12 + length
    return found


# --- the kind is the content's ------------------------------------------------------------------


def test_each_kind_is_found_by_its_first_bytes():
    assert detect_kind(photo()) is EvidenceKind.JPEG
    assert detect_kind(b"\x89PNG\r\n\x1a\n....") is EvidenceKind.PNG
    assert detect_kind(b"%PDF-1.7\n") is EvidenceKind.PDF
    assert detect_kind(b"GIF89a") is None
    assert detect_kind(b"") is None


def test_a_text_file_named_like_a_photo_is_refused():
    with pytest.raises(EvidenceError) as caught:
        prepare("这是一段文字，不是照片".encode(), "x.jpg")
    assert caught.value.code == "evidence_kind"
    assert caught.value.field == "evidence"


def test_a_png_named_like_a_pdf_is_kept_as_a_png():
    out = io.BytesIO()
    gradient(8, 8).save(out, "PNG")
    evidence = prepare(out.getvalue(), "x.pdf")
    assert (evidence.kind, evidence.file_name) == (EvidenceKind.PNG, "x.png")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "evidence_empty"),
        (b"%PDF-" + b"0" * (MAX_EVIDENCE_BYTES - 11) + b"\n%%EOF\n", "evidence_too_large"),
        (b"%PDF-1.4\n1 0 obj\n", "evidence_corrupt"),  # no %%EOF: cut short
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "evidence_corrupt"),
        (PNG_SIGNATURE + b"\x00\x00", "evidence_corrupt"),
        (b"MZ\x90\x00", "evidence_kind"),
    ],
    ids=["empty", "5MB+1", "pdf_without_eof", "jpeg_header_only", "png_signature_only", "exe"],
)
def test_a_file_that_cannot_be_proof_is_refused_by_name(data, code):
    with pytest.raises(EvidenceError) as caught:
        prepare(data, "proof.pdf")
    assert caught.value.code == code


def test_the_size_limit_is_five_megabytes_to_the_byte():
    body = b"%PDF-1.4\n%%EOF\n"
    exactly = body[:9] + b"0" * (MAX_EVIDENCE_BYTES - len(body)) + body[9:]
    assert len(exactly) == MAX_EVIDENCE_BYTES == 5 * 1024 * 1024
    assert prepare(exactly, "scan.pdf").size == MAX_EVIDENCE_BYTES
    with pytest.raises(EvidenceError) as caught:
        prepare(exactly + b"\n", "scan.pdf")
    assert (caught.value.code, caught.value.params) == ("evidence_too_large", {"max_mb": 5})


def test_a_pdf_is_kept_as_it_is():
    data = b"%PDF-1.4\n1 0 obj << /Author (" + MARKER.encode() + b") >> endobj\n%%EOF\n"
    evidence = prepare(data, "income.PDF")
    assert (evidence.data, evidence.file_name, evidence.removed) == (data, "income.pdf", ())


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_photo_is_refused(cut):
    data = photo()
    with pytest.raises(EvidenceError) as caught:
        prepare(data[: int(len(data) * cut)], "photo.jpg")
    assert caught.value.code == "evidence_corrupt"


def test_an_image_claiming_too_many_pixels_is_refused_before_decoding():
    data = bytearray(photo())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 20000, 20000)  # 400 megapixels
    with pytest.raises(EvidenceError) as caught:
        prepare(bytes(data), "photo.jpg")
    assert (caught.value.code, caught.value.params) == (
        "evidence_too_many_pixels",
        {"max_megapixels": 60},
    )


# --- JPEG: GPS and every other metadata out, pixels unchanged -----------------------------------


@settings(max_examples=25, deadline=None)
@given(
    orientation=st.one_of(st.none(), st.integers(min_value=1, max_value=8)),
    width=st.integers(min_value=1, max_value=48),
    height=st.integers(min_value=1, max_value=48),
    latitude=st.floats(min_value=0, max_value=89),
    progressive=st.booleans(),
)
def test_a_photo_comes_out_without_gps_or_exif_but_its_orientation(
    orientation, width, height, latitude, progressive
):
    out = io.BytesIO()
    gradient(width, height).save(
        out,
        "JPEG",
        exif=gps_exif(orientation, latitude).tobytes(),
        comment=MARKER.encode(),
        progressive=progressive,
    )
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)[1] == "N"  # the control
    evidence = prepare(data, "IMG_0001.JPG")
    assert evidence.kind is EvidenceKind.JPEG
    assert evidence.file_name == "IMG_0001.jpg"
    scrubbed = Image.open(io.BytesIO(evidence.data))
    exif = scrubbed.getexif()
    assert exif.get_ifd(GPS_IFD) == {}
    assert exif.get_ifd(EXIF_IFD) == {}
    assert dict(exif) == ({ORIENTATION: orientation} if orientation is not None else {})
    assert evidence.orientation == orientation
    assert MARKER.encode() not in evidence.data
    assert b"PhoneMaker" not in evidence.data
    assert pixels(evidence.data) == pixels(data)
    assert scrubbed.size == (width, height)


def test_a_photo_keeps_its_colour_profile_and_drops_xmp_iptc_and_what_follows_its_end():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description GPSLatitude="31,13.8N"/>'
    data = photo(icc_profile=profile, xmp=xmp + b"</x:xmpmeta>")
    iptc = b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00\x00\x00\x00\x10" + MARKER.encode()[:16]
    segment = b"\xff\xed" + struct.pack(">H", len(iptc) + 2) + iptc
    data = data[:2] + segment + data[2:] + photo(orientation=3)  # APP13, then a trailing preview
    evidence = scrub_jpeg(data)
    assert b"GPSLatitude" not in evidence.data
    assert MARKER.encode() not in evidence.data
    assert Image.open(io.BytesIO(evidence.data)).info["icc_profile"] == profile
    assert markers(evidence.data)[:2] == [0xE0, 0xE1]  # JFIF, then the orientation's Exif
    assert 0xED not in markers(evidence.data) and 0xFE not in markers(evidence.data)
    assert evidence.removed == ("APP13", "APP1", "COM", "trailer")
    assert evidence.data.endswith(b"\xff\xd9")
    assert pixels(evidence.data) == pixels(data)


def test_a_cmyk_photo_keeps_its_adobe_segment():
    out = io.BytesIO()
    gradient(16, 16, "CMYK").save(out, "JPEG", exif=gps_exif(None).tobytes())
    data = out.getvalue()
    evidence = prepare(data, "scan.jpg")
    assert 0xEE in markers(evidence.data)
    assert Image.open(io.BytesIO(evidence.data)).getexif().get_ifd(GPS_IFD) == {}
    assert pixels(evidence.data) == pixels(data)


def test_a_photo_without_metadata_is_left_byte_for_byte():
    out = io.BytesIO()
    gradient(20, 10).save(out, "JPEG")
    assert scrub_jpeg(out.getvalue()).data == out.getvalue()


# --- PNG: text, Exif and time chunks out -------------------------------------------------------


def test_a_png_loses_its_text_exif_and_time_chunks_and_keeps_how_to_draw_it():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", MARKER)
    info.add_text("Author", MARKER, zip=True)
    info.add_itxt("Description", MARKER + " 北京市朝阳区", zip=False)
    info.add(b"tIME", struct.pack(">HBBBBB", 2026, 3, 1, 13, 30, 0))
    out = io.BytesIO()
    gradient(24, 12, "RGBA").save(
        out, "PNG", pnginfo=info, exif=gps_exif(6).tobytes(), dpi=(300, 300)
    )
    data = out.getvalue()
    evidence = scrub_png(data)
    kept = png_chunks(evidence.data)
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}.isdisjoint(kept)
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"} <= set(png_chunks(data))
    assert kept[0] == b"IHDR" and kept[-1] == b"IEND" and b"pHYs" in kept
    assert MARKER.encode() not in evidence.data
    assert pixels(evidence.data) == pixels(data)


def test_a_png_chunk_with_a_wrong_checksum_is_refused():
    out = io.BytesIO()
    gradient(8, 8).save(out, "PNG")
    data = bytearray(out.getvalue())
    data[len(PNG_SIGNATURE) + 8 + 13] ^= 0xFF  # IHDR's checksum
    with pytest.raises(EvidenceError) as caught:
        prepare(bytes(data), "x.png")
    assert caught.value.code == "evidence_corrupt"


def test_a_png_with_a_valid_private_chunk_loses_it():
    out = io.BytesIO()
    gradient(8, 8).save(out, "PNG")
    data = out.getvalue()
    body = b"prVt" + MARKER.encode()
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    data = data[:33] + chunk + data[33:]  # after IHDR
    evidence = prepare(data, "x.png")
    assert evidence.removed == ("prVt",)
    assert MARKER.encode() not in evidence.data


# --- the file name -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("身份证.jpeg", EvidenceKind.JPEG, "身份证.jpg"),
        ("C:\\Users\\张明\\收入证明.PDF", EvidenceKind.PDF, "收入证明.pdf"),
        ("../../etc/passwd", EvidenceKind.PNG, "passwd.png"),
        ("x.jpg", EvidenceKind.PNG, "x.png"),
        ('a<b>c:d"e|f?g*h\x00\n.png', EvidenceKind.PNG, "abcdefgh.png"),
        ("...", EvidenceKind.PDF, "evidence.pdf"),
        ("   ", EvidenceKind.JPEG, "evidence.jpg"),
        ("no_extension", EvidenceKind.PDF, "no_extension.pdf"),
        ("病历" * 80 + ".pdf", EvidenceKind.PDF, "病历" * 48 + ".pdf"),
    ],
)
def test_a_file_name_is_made_safe_and_gets_its_kinds_extension(name, kind, expected):
    made = safe_file_name(name, kind)
    assert made == expected
    assert len(made) <= MAX_EVIDENCE_NAME_LENGTH
