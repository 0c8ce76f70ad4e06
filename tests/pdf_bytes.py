"""Small PDFs written byte by byte for tests of the file doors: a page with a text layer, or a content stream that
unpacks far beyond its packed size."""

from __future__ import annotations

import io
import zlib

_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1), with its cross-reference table and trailer."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    table = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table))
    return out.getvalue()


def text_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer saying `text` (ASCII)."""
    stream = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("ascii")
    return pdf_from_objects([
        _CATALOG, _PAGES,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def flate_bomb_pdf(unpacked_mb: int) -> bytes:
    """A one-page PDF whose content stream unpacks to `unpacked_mb` MB of spaces (a few hundred KB packed)."""
    stream = zlib.compress(b" " * (unpacked_mb << 20), 9)
    return pdf_from_objects([
        _CATALOG, _PAGES,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ])
