"""Which pages are due for review: `make review`.

Lists every page of both editions by its `next_review` date, soonest first (a Spanish page may
be due at another date than its English page), and flags those due within 60 days and those
already overdue. A report for editors, not a test: it always exits 0.
"""

from __future__ import annotations

import datetime as dt
import sys

import sitemodel

SOON = dt.timedelta(days=60)


def pages(today: dt.date) -> list[tuple[dt.date, str, str, str]]:
    """(next review, status, file, title) for every page of every edition, soonest first."""
    rows = []
    for page in sitemodel.pages():
        meta = sitemodel.front_matter(page)
        due = meta["next_review"]
        status = "OVERDUE" if due < today else "due soon" if due - today <= SOON else ""
        rows.append((due, status, f"docs/{page}", meta["title"]))
    return sorted(rows)


def main(today: dt.date) -> None:
    rows = pages(today)
    print(f"Review report for {today.isoformat()} ({len(rows)} pages; 'due soon' = within 60 days)\n")
    print(f"{'next review':<12} {'status':<9} {'file':<36} title")
    for due, status, path, title in rows:
        print(f"{due.isoformat():<12} {status:<9} {path:<36} {title}")
    overdue = sum(1 for row in rows if row[1] == "OVERDUE")
    soon = sum(1 for row in rows if row[1] == "due soon")
    print(f"\n{overdue} overdue, {soon} due soon. Review a page: check each fact against its sources, "
          "then set reviewed to today and next_review to at most a year later.")


if __name__ == "__main__":
    main(dt.date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else dt.date.today())
