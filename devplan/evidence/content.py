"""What an uploaded file is, judged by its content (never its name), and what is kept of it: a JPEG or PNG
photo is decoded and encoded again — turned upright, without its EXIF (camera, time and GPS position) unless
the project keeps the position, in which case only the GPS block stays — with a thumbnail; a PDF is kept as
it is. Decoding runs in a bounded child process (`devplan.lib.bounded`): a small file can decode to a huge
image."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from devplan.lib.bounded import bounded
from devplan.lib.errors import DevplanError

MAX_PIXELS = 60_000_000  # a 60-megapixel photo: more than any phone or site camera takes
THUMBNAIL_SIDE = 320
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Kept:
    """What is stored: the content, its type, and a thumbnail for a photo (b"" for a document)."""

    content: bytes
    content_type: str
    photo: bool
    thumbnail: bytes = b""


def _jpeg(image: Image.Image, quality: int, exif: bytes = b"") -> bytes:
    out = io.BytesIO()
    rgb = image if image.mode in ("RGB", "L") else image.convert("RGB")
    rgb.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def _reencoded(data: bytes, name: str, keep_location: bool) -> Kept:
    try:
        image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
    except UnidentifiedImageError:
        raise DevplanError(f"“{name}”不是 JPEG 或 PNG 照片，也不是 PDF 文件：请上传照片（JPEG、PNG）或 PDF 文件") from None
    if image.width * image.height > MAX_PIXELS:
        raise DevplanError(f"“{name}”有 {image.width}×{image.height} 像素，超过了 {MAX_PIXELS // 1_000_000} 百万像素的上限：请缩小后再上传")
    source_format = image.format
    gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo) if keep_location else {}
    upright = ImageOps.exif_transpose(image)
    clean = upright.copy()
    clean.info = {}  # nothing of the original's metadata (EXIF, XMP, PNG text) is carried over
    exif = b""
    if gps:
        kept = Image.Exif()
        kept[ExifTags.IFD.GPSInfo] = gps
        exif = kept.tobytes()
    if source_format == "PNG":
        out = io.BytesIO()
        clean.save(out, "PNG", optimize=True)
        content, content_type = out.getvalue(), "image/png"
    else:
        content, content_type = _jpeg(clean, 88, exif), "image/jpeg"
    small = clean.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return Kept(content, content_type, True, _jpeg(small, 80))


def kept(data: bytes, name: str, keep_location: bool) -> Kept:
    """The content to store for an upload called `name`; DevplanError naming it when it is neither a JPEG or
    PNG photo nor a PDF, or cannot be read."""
    if data.startswith(PDF_MAGIC):
        return Kept(data, "application/pdf", False)
    return bounded(lambda: _reencoded(data, name, keep_location), name, memory_mb=settings.DEVPLAN_PARSE_MAX_MB,
                   seconds=settings.DEVPLAN_PARSE_MAX_SECONDS, unreadable="照片已损坏，无法读取")
