"""The join QR code, drawn by segno (pure Python, maintained, writes SVG directly): the same
SVG on the event page, the join panel, the presenter screen and the printable file."""

import io

import segno


def join_qr_svg(url: str, *, scale: int = 6, title: str = "", inline: bool = True) -> str:
    """An SVG of `url` (no XML declaration), dark on light for every screen and print. Inline,
    it has a viewBox and no fixed size (the page's CSS sizes it) and is an image named by
    `title`; as a file it keeps its size."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out,
        kind="svg",
        scale=scale,
        border=2,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        title=title or None,
        svgclass="qr",
        lineclass=None,
        omitsize=inline,
    )
    svg = out.getvalue().decode()
    if inline:
        svg = svg.replace("<svg ", '<svg role="img" ', 1)
    return svg
