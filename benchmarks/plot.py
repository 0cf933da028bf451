"""A small SVG line chart (time against number of fiches, log-log), with no dependency."""

from __future__ import annotations

import math
from html import escape

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 180, 20, 50
GRID = 'stroke="#eee"'
LINE = 'stroke-width="2"'
COLOURS = ("#00796b", "#e64a19", "#5c6bc0", "#8d6e63", "#c2185b")


def _log_ticks(low: float, high: float) -> list[float]:
    ticks = []
    exponent = math.floor(math.log10(low))
    while 10**exponent <= high * 1.0001:
        for step in (1, 2, 5):
            value = step * 10**exponent
            if low * 0.9999 <= value <= high * 1.0001:
                ticks.append(value)
        exponent += 1
    return ticks


def _label(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}".replace(",", "\u202f")
    if value >= 1:
        return f"{value:g}"
    return f"{value:.2g}".replace(".", ",")


def line_chart(
    series: dict[str, list[tuple[float, float]]], *, x_label: str, y_label: str, title: str
) -> str:
    """`series` maps a legend label to (x, y) points; both axes are logarithmic."""
    points = [p for values in series.values() for p in values if p[0] > 0 and p[1] > 0]
    if not points:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="60">'
            '<text x="10" y="30">Pas de mesure</text></svg>\n'
        )
    x_low, x_high = min(p[0] for p in points), max(p[0] for p in points)
    y_low, y_high = min(p[1] for p in points), max(p[1] for p in points)
    x_low, x_high = 10 ** math.floor(math.log10(x_low)), 10 ** math.ceil(math.log10(x_high))
    y_low, y_high = 10 ** math.floor(math.log10(y_low)), 10 ** math.ceil(math.log10(y_high))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(value: float) -> float:
        span = math.log10(x_high) - math.log10(x_low) or 1
        return LEFT + (math.log10(value) - math.log10(x_low)) / span * plot_w

    def y_of(value: float) -> float:
        span = math.log10(y_high) - math.log10(y_low) or 1
        return TOP + plot_h - (math.log10(value) - math.log10(y_low)) / span * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}" '
        'font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fff" '
        'stroke="#999"/>',
    ]
    for tick in _log_ticks(x_low, x_high):
        x = x_of(tick)
        out.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + plot_h}" {GRID}/>')
        out.append(
            f'<text x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{_label(tick)}</text>'
        )
    for tick in _log_ticks(y_low, y_high):
        y = y_of(tick)
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" {GRID}/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_label(tick)}</text>')
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 10}" text-anchor="middle">'
        f"{escape(x_label)}</text>"
    )
    out.append(
        f'<text transform="translate(16 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle">'
        f"{escape(y_label)}</text>"
    )
    for rank, (label, values) in enumerate(series.items()):
        colour = COLOURS[rank % len(COLOURS)]
        kept = sorted(p for p in values if p[0] > 0 and p[1] > 0)
        if kept:
            path = " ".join(f"{x_of(x):.1f},{y_of(y):.1f}" for x, y in kept)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" {LINE}/>')
            for x, y in kept:
                out.append(
                    f'<circle cx="{x_of(x):.1f}" cy="{y_of(y):.1f}" r="3.5" fill="{colour}"/>'
                )
        legend_y = TOP + 14 + rank * 20
        out.append(
            f'<line x1="{LEFT + plot_w + 12}" y1="{legend_y - 4}" x2="{LEFT + plot_w + 32}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="3"/>'
        )
        out.append(f'<text x="{LEFT + plot_w + 38}" y="{legend_y}">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
