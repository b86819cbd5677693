"""Draw the home-screen icons from docs/assets/favicon.svg: `.venv/bin/python scripts/app_icons.py`.

Phones want PNG icons for a site added to the home screen: iPhone reads `apple-touch-icon` (180 px,
no SVG), Android the web app manifest's 192 and 512 px icons, one of them "maskable" (its shape is
cut to a circle or a rounded square, so the drawing keeps to the middle 80%). Chromium draws the
site's own favicon on a white square at each size; the PNGs are committed, and this script is
run again only when the favicon changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import sitemodel  # noqa: E402

SVG = sitemodel.DOCS / "assets" / "favicon.svg"
OUT = sitemodel.DOCS / "assets" / "images"
# name: (size in px, share of the square the drawing fills)
ICONS = {"apple-touch-icon.png": (180, 0.8), "icon-192.png": (192, 0.8), "icon-512.png": (512, 0.8),
         "icon-maskable-512.png": (512, 0.6)}


def main() -> None:
    svg = SVG.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=sitemodel.chromium(), args=sitemodel.CHROMIUM_FLAGS)
        for name, (size, share) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f"""<body style="margin:0;background:#fff;display:grid;place-items:center;
                height:{size}px"><div style="width:{share * 100}%;height:{share * 100}%">{svg}</div></body>""")
            page.locator("svg").evaluate("svg => { svg.style.width = '100%'; svg.style.height = '100%'; }")
            page.screenshot(path=str(OUT / name))
            page.close()
            print(f"wrote {(OUT / name).relative_to(sitemodel.ROOT)} ({size} px)")
        browser.close()


if __name__ == "__main__":
    main()
