"""Python-Markdown extensions of this site's own (named in mkdocs.yml's markdown_extensions).

They change the HTML every engine writes from Markdown, so they work the same under MkDocs and
under Zensical, which runs no MkDocs hooks but renders with the same Python-Markdown.
"""
