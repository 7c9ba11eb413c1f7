"""The GP's patient handout as Chromium prints it: one A4 page, no site navigation, and a
QR code that, read back from the rendered pixels, is the code for the municipality's page."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
import segno

from .waits import wait_for_fonts

pytestmark = pytest.mark.browser

A4_PAGES = re.compile(rb"/Type\s*/Page[^s]")


def png_pixels(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Decode a non-interlaced 8-bit RGB/RGBA PNG (what Chromium writes): width, height,
    rows of raw pixel bytes, bytes per pixel. Pure Python, for reading back the QR code."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _c, _f, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            up_left = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def read_modules(png: bytes, size: int) -> list[list[bool]]:
    """Sample the centre of each of size x size modules: dark or light."""
    width, height, rows, bpp = png_pixels(png)
    out = []
    for my in range(size):
        y = int((my + 0.5) * height / size)
        line = []
        for mx in range(size):
            x = int((mx + 0.5) * width / size)
            r, g, b = rows[y][x * bpp:x * bpp + 3]
            line.append((r + g + b) / 3 < 128)
        out.append(line)
    return out


@pytest.mark.parametrize("slug", ["fredericia", "broenderslev", "nyborg", "aarhus"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_handout_prints_on_one_a4_page_without_navigation(new_page, slug, lang):
    """In English too (longer lines: Brønderslev's phone hours went onto a second page), and
    with the law's free choice and an old standard's warning (Nyborg, 2017)."""
    page = new_page()
    page.goto(f"/{slug}/fagperson/udskriv?lang={lang}")
    page.emulate_media(media="print")
    wait_for_fonts(page)  # how many pages the text fills depends on the font
    for hidden in (".header-language", ".back-link", "footer .footer-links", ".footer-clear"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".qr-code").is_visible()
    assert page.locator(".handout-box").count() == 6
    # the title stands larger than the headings under it (a user test: it did not)
    title, heading = (page.locator(f".handout {tag}").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)") for tag in ("h1", "h2"))
    assert title > heading
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(A4_PAGES.findall(pdf)) == 1


def test_printed_qr_code_reads_back_as_the_municipality_link(new_page, live_server):
    page = new_page(device_scale_factor=2)
    page.goto("/herlev/fagperson/udskriv")
    page.emulate_media(media="print")
    link = f"{live_server}/herlev"
    assert link in page.locator(".handout-url").inner_text()
    box = page.locator(".qr-code").bounding_box()
    assert box is not None
    assert abs(box["width"] - box["height"]) < 1  # square
    assert 140 <= box["width"] <= 160  # 40 mm at 96 CSS px per inch
    qr = segno.make(link, error="m", micro=False)
    expected = [[bool(bit) for bit in row] for row in qr.matrix_iter(border=4)]
    seen = read_modules(page.locator(".qr-code").screenshot(), len(expected))
    assert seen == expected
    other = segno.make(f"{live_server}/nyborg", error="m", micro=False)
    assert seen != [[bool(bit) for bit in row] for row in other.matrix_iter(border=4)]
