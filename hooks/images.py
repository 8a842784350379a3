"""MkDocs hook: figures that keep their place and load as the reader nears them.

A page holds up to a dozen figures. Requested all at once, on a phone's connection they
compete with the page's stylesheets and script for the first screen. `loading="lazy"`
fetches each one as it nears the screen; its width and height, read from the SVG, reserve
its box meanwhile, so nothing below it moves when it arrives. Runs after notebooks.py,
which writes the notebook pages' figures out as files.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

IMG = re.compile(r"<img\b([^>]*?)\s*/?>")
LOCAL_SVG = re.compile(r'\ssrc="([^":?#]+\.svg)"')
# matplotlib writes the size in points; CSS pixels are 4/3 of a point.
SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"')
PX_PER_PT = 4 / 3


def size_of(svg: Path) -> tuple[int, int]:
    """The figure's width and height in CSS pixels."""
    found = SVG_SIZE.search(svg.read_text(encoding="utf-8")[:2000])
    if not found:
        raise PluginError(f"{svg}: its <svg> has no width and height in pt")
    width, height = (round(float(value) * PX_PER_PT) for value in found.groups())
    return width, height


def on_post_page(output: str, page, config) -> str:
    folder = Path(config["site_dir"], posixpath.dirname(page.file.dest_uri))

    def lazy(match: re.Match) -> str:
        attributes = match.group(1)
        src = LOCAL_SVG.search(attributes)
        svg = folder / src.group(1) if src else None
        if svg is None or not svg.is_file():  # not a figure; a missing one is checks.py's to report
            return match.group(0)
        width, height = size_of(svg)
        return f'<img{attributes} width="{width}" height="{height}" loading="lazy" decoding="async">'

    return IMG.sub(lazy, output)
