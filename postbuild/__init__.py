"""What happens to the built site after a builder has written it: plain Python, for both builders.

MkDocs runs these from its hooks (hooks/lean_site.py, hooks/offline_zip.py); Zensical, which runs
no hooks, from scripts/zensical_build.py. None of them is a rule (those are in siterules/).

Modules:
    unused_files  leave out what no reader loads: source maps, search languages the site does not use
    stylesheets   one small stylesheet per site: Material's cut by PurgeCSS to what pages use, then ours
    offline_zip   the downloadable offline copy: one reproducible zip, its size in the footer
    minify        each page without the spaces and quotes a browser does not need
"""
