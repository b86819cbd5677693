"""Write the whole guide as one PDF per edition, into a built site: `make pdf`.

The work is in guidepdf/ (see its docstring for how and why); this is its command line.

Usage: python scripts/build_pdf.py [--site site] [--lang en|es] [--output FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import guidepdf
import sitemodel


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=sitemodel.ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, help="where to write the PDF (default: site/ + extra.guide_pdf)")
    parser.add_argument("--lang", choices=sitemodel.languages(), help="one edition only (default: every edition)")
    args = parser.parse_args()
    try:
        for lang in [args.lang] if args.lang else sitemodel.languages():
            output = args.output or args.site / sitemodel.editions()[lang].guide_pdf
            pages, seconds = guidepdf.build(args.site, output, lang)
            print(f"Wrote {output} ({pages} pages, {output.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s")
    except guidepdf.PdfError as error:
        print(f"build_pdf: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
