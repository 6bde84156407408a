"""Draws the LSH S-curve of Winnow's default banding as an SVG, and prints its table.

    python3 Benchmarks/dedup/s_curve.py [OUT_SVG]

P(candidate | s) = 1 - (1 - s^r)^b for b bands of r rows (Leskovec et al., MMDS 3.4).  Curves:
Winnow's default at threshold 0.8 and 128 values (18 x 7, false_negative_weight 0.99), its earlier
default (14 x 9, weight 0.9) and datasketch's choice (9 x 13, weight 0.5).  Writes OUT_SVG
(default docs/lsh-s-curve.svg), a hand-made SVG with no external resources, and prints a Markdown
table of P at chosen similarities.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CURVES = [("Winnow default 18 × 7 (weight 0.99)", 18, 7, "#c0392b"),
          ("earlier default 14 × 9 (weight 0.9)", 14, 9, "#7f8c8d"),
          ("datasketch 9 × 13 (weight 0.5)", 9, 13, "#2980b9")]
THRESHOLD = 0.8


def p(s, b, r):
    return 1 - (1 - s ** r) ** b


def svg():
    w, h, left, top, size = 640, 400, 60, 20, 320
    x = lambda s: left + s * (w - left - 20)
    y = lambda v: top + (1 - v) * size
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>']
    for i in range(11):
        v = i / 10
        out.append(f'<line x1="{x(0):.1f}" y1="{y(v):.1f}" x2="{x(1):.1f}" y2="{y(v):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
        out.append(f'<text x="{x(v):.1f}" y="{top + size + 16}" text-anchor="middle">{v:.1f}</text>')
    out.append(f'<line x1="{x(THRESHOLD):.1f}" y1="{y(0):.1f}" x2="{x(THRESHOLD):.1f}" y2="{y(1):.1f}" '
               'stroke="black" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{x(THRESHOLD) + 4:.1f}" y="{y(0.04):.1f}">threshold {THRESHOLD}</text>')
    for k, (name, b, r, colour) in enumerate(CURVES):
        points = " ".join(f"{x(i / 400):.1f},{y(p(i / 400, b, r)):.1f}" for i in range(401))
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{left + 10}" y="{top + 16 + 16 * k}" fill="{colour}">{name}</text>')
    out.append(f'<text x="{(left + w) / 2:.0f}" y="{h - 12}" text-anchor="middle">Jaccard similarity s</text>')
    out.append(f'<text x="14" y="{top + size / 2:.0f}" transform="rotate(-90 14 {top + size / 2:.0f})" '
               'text-anchor="middle">P(candidate)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs", "lsh-s-curve.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write(svg())
    points = (0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
    print("| banding | " + " | ".join(f"P({s})" for s in points) + " |")
    print("| --- |" + " ---: |" * len(points))
    for name, b, r, _ in CURVES:
        print(f"| {name} | " + " | ".join(f"{p(s, b, r):.4f}" for s in points) + " |")


if __name__ == "__main__":
    main()
