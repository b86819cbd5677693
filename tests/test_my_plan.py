"""My second-opinion plan (docs/my-plan.md): a private organiser. What a family types stays on
their device, comes back after a reload, moves as a file, is cleared only when they confirm,
refuses files that are not theirs, never reaches another host, and prints as a short packet
(a blank form when scripts are off). Run over http and from file://, as families read it."""

from __future__ import annotations

import io
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader


PLAN = "my-plan.html"
SCRIPT = "assets/javascripts/my-plan.js"
STORAGE_PREFIX = "second-opinion-guide:"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
MARGINS = {side: "1.5cm" for side in ("top", "bottom", "left", "right")}

# What a parent might type: one of each kind of field.
TYPED = {
    "#plan-first-team-name": "Dr. Ana Ruiz, Lakeside Children's",
    "#plan-second-center-phone": "555-0100",
    "#log-1-date": "Mon 3 Nov",
    "#log-1-said": "They need the MRI disc and the biopsy slides before the visit.",
    "#plan-second-diagnosis": "Agrees with the diagnosis; wants one more scan",
}


@pytest.fixture(params=["http", "file"])
def base_url(request, site_url, site_dir):
    return site_url if request.param == "http" else site_dir.as_uri() + "/"


def fill_in(page) -> None:
    for selector, text in TYPED.items():
        page.fill(selector, text)
    page.get_by_role("checkbox", name="Done (step 2)").check()


def typed_values(page) -> dict[str, str]:
    return {selector: page.input_value(selector) for selector in TYPED}


def stored(page) -> dict[str, str]:
    """Everything the guide keeps in this browser's localStorage."""
    return page.evaluate("""prefix => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(prefix)).map(k => [k, localStorage.getItem(k)]))""", STORAGE_PREFIX)


def tick_on(v, base_url: str, page: str, items: list[int]) -> list[str]:
    """Tick checklist items on another page, as a reader does; return their texts."""
    v.page.goto(base_url + page)
    labels = v.page.locator(".checklist label.task-list-control")
    for i in items:
        labels.nth(i).click()
    return [labels.nth(i).inner_text().strip() for i in items]


def message(page) -> str:
    status = page.get_by_role("status").filter(has_text=re.compile(r"\S"))
    status.first.wait_for(timeout=5_000)
    return status.first.inner_text().strip()


def open_file(page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Open a saved copy").click()
    chooser.value.set_files(str(path))


# --- It keeps what you type, on this device only -----------------------------------------------

def test_what_you_type_is_still_there_after_a_reload(base_url, visit):
    v = visit(base_url + PLAN, width=390, height=844)
    fill_in(v.page)
    v.page.get_by_role("button", name="Add a step").click()
    v.page.keyboard.type("Ask about travel help")
    v.page.reload()
    assert typed_values(v.page) == TYPED, "typed text was lost on reload"
    assert v.page.get_by_role("checkbox", name="Done (step 2)").is_checked(), "a ticked step was lost on reload"
    assert v.page.input_value("#steps-8-text") == "Ask about travel help", "an added step was lost on reload"
    assert not v.third_party and not v.console_errors, f"{v.third_party} {v.console_errors}"
    v.close()


def test_the_page_says_plainly_that_what_you_type_stays_on_this_device(page_soup):
    text = " ".join(page_soup("my-plan.md").select_one("article").get_text(" ").split())
    for promise in ("stays in this browser, on this device", "never sent to us or anyone else",
                    "Anyone who uses this device and browser can see it"):
        assert promise in text, f"my-plan.md does not say {promise!r}"


def test_only_the_organiser_page_loads_its_script(soups):
    loads = sorted(path for path, soup in soups.items()
                   if any(s.get("src", "").endswith(SCRIPT) for s in soup.find_all("script")))
    assert loads == [PLAN], f"pages that load {SCRIPT}: {loads} (only {PLAN} should)"


def test_nothing_is_sent_anywhere_while_the_plan_is_used(base_url, visit, tmp_path):
    """After the page has loaded, typing, saving, opening and clearing make no request at all."""
    v = visit(base_url + PLAN)
    v.page.wait_for_load_state("networkidle")
    loaded = len(v.local_requests)
    fill_in(v.page)
    with v.page.expect_download() as download:
        v.page.get_by_role("button", name="Save a copy").click()
    download.value.save_as(tmp_path / "plan.json")
    open_file(v.page, tmp_path / "plan.json")
    v.page.once("dialog", lambda dialog: dialog.accept())
    v.page.get_by_role("button", name="Clear everything from this device").click()
    # The saved copy is a blob: URL inside the page; the browser may fetch the tab's icon late.
    later = [url for url in v.local_requests[loaded:]
             if not url.startswith("blob:") and not url.endswith("favicon.svg")]
    assert not v.third_party, f"the organiser asked another host for: {v.third_party}"
    assert not later, f"the organiser made requests while in use: {later}"
    v.close()


# --- Clear everything, after asking --------------------------------------------------------------

def test_clear_everything_asks_first_then_removes_the_plan_and_every_tick(base_url, visit):
    v = visit(base_url + PLAN)
    tick_on(v, base_url, "records.html", [0, 2])
    v.page.goto(base_url + PLAN)
    fill_in(v.page)
    clear = v.page.get_by_role("button", name="Clear everything from this device")

    v.page.once("dialog", lambda dialog: dialog.dismiss())
    clear.click()
    assert "Nothing was cleared" in message(v.page)
    assert typed_values(v.page) == TYPED, "cancelling the confirmation still cleared the plan"

    asked = []
    v.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    clear.click()
    assert asked and "cannot be undone" in asked[0], f"the confirmation does not warn: {asked}"
    assert "cleared" in message(v.page)
    assert all(value == "" for value in typed_values(v.page).values()), "the form still shows the plan"
    assert not stored(v.page), f"still kept on this device after clearing: {list(stored(v.page))}"
    v.page.goto(base_url + "records.html")
    boxes = v.page.get_by_role("checkbox")
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count())), "checklist ticks survived 'Clear everything'"
    v.close()


# --- Save a copy, open it again ------------------------------------------------------------------

def test_save_clear_open_brings_everything_back(base_url, visit, tmp_path):
    v = visit(base_url + PLAN, width=390, height=844)
    ticked = tick_on(v, base_url, "records.html", [1])
    v.page.goto(base_url + PLAN)
    fill_in(v.page)
    with v.page.expect_download() as download:
        v.page.get_by_role("button", name="Save a copy").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(r"my-second-opinion-plan-\d{4}-\d{2}-\d{2}\.json", saved.name), saved.name
    copy = json.loads(saved.read_text(encoding="utf-8"))
    assert copy["format"] == "second-opinion-guide/my-plan" and copy["version"] == 1
    assert copy["checklists"] == {"records": {ticked[0]: True}}, "the saved copy lacks the checklist ticks"

    v.page.once("dialog", lambda dialog: dialog.accept())
    v.page.get_by_role("button", name="Clear everything from this device").click()
    assert not stored(v.page)
    open_file(v.page, saved)
    assert "Opened the saved copy" in message(v.page)
    assert typed_values(v.page) == TYPED, "opening the saved copy did not bring the plan back"
    assert v.page.get_by_role("checkbox", name="Done (step 2)").is_checked()
    assert ticked[0] in v.page.locator("#plan-ticked").inner_text(), "the ticks did not come back"
    v.page.reload()
    assert typed_values(v.page) == TYPED, "the opened copy was not kept on this device"
    v.close()


def _too_big() -> str:
    return json.dumps({"format": "second-opinion-guide/my-plan", "version": 1, "fields": {}, "log": [],
                       "steps": [], "checklists": {}, "padding": "x" * 1_100_000})


BAD_FILES = {
    "not JSON at all": "%PDF-1.7 this is not a plan",
    "cut off half way": '{"format": "second-opinion-guide/my-plan", "version": 1, "fields": {"first-',
    "someone else's JSON": json.dumps({"name": "my-app", "version": "1.0.0", "dependencies": {}}),
    "a JSON list": json.dumps([1, 2, 3]),
    "our format, damaged inside": json.dumps({"format": "second-opinion-guide/my-plan", "version": 1,
                                              "fields": {"first-team-name": 42}, "log": "no",
                                              "steps": [], "checklists": {}}),
    "a newer version": json.dumps({"format": "second-opinion-guide/my-plan", "version": 99, "fields": {},
                                   "log": [], "steps": [], "checklists": {}}),
    "too big to be a plan": _too_big(),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_broken_or_foreign_file_is_refused_with_a_message_and_changes_nothing(case, visit, site_url, tmp_path):
    v = visit(site_url + PLAN)
    fill_in(v.page)
    before = stored(v.page)
    bad = tmp_path / "plan.json"
    bad.write_text(BAD_FILES[case], encoding="utf-8")
    v.page.on("dialog", lambda dialog: pytest.fail(f"{case}: asked to replace the plan with a bad file"))
    open_file(v.page, bad)
    said = message(v.page)
    assert "Nothing on this page was changed" in said, f"{case}: the message does not say so: {said!r}"
    assert "plan-message--error" in v.page.get_attribute("#plan-message", "class"), f"{case}: not shown as an error"
    assert typed_values(v.page) == TYPED, f"{case}: the plan on the page changed"
    assert stored(v.page) == before, f"{case}: what is kept on this device changed"
    v.close()


def test_a_foreign_file_is_refused_from_files_too(site_dir, visit, tmp_path):
    v = visit((site_dir / PLAN).as_uri())
    fill_in(v.page)
    bad = tmp_path / "other.json"
    bad.write_text(BAD_FILES["someone else's JSON"], encoding="utf-8")
    open_file(v.page, bad)
    assert "not a plan saved from this guide" in message(v.page)
    assert typed_values(v.page) == TYPED
    v.close()


# --- What you ticked elsewhere, gathered here --------------------------------------------------

def test_items_ticked_on_other_pages_show_here_grouped_by_page_in_menu_order(base_url, visit):
    v = visit(base_url + PLAN)
    questions = tick_on(v, base_url, "questions.html", [0])
    records = tick_on(v, base_url, "records.html", [0, 6])
    v.page.goto(base_url + PLAN)
    box = v.page.locator("#plan-ticked")
    headings = [h.strip() for h in box.locator("h3").all_inner_texts()]
    assert headings == ["Records to gather", "Questions to ask at the second opinion"], headings
    groups = [[li.strip() for li in ul.locator("li").all_inner_texts()] for ul in box.locator("ul").all()]
    assert groups == [records, questions], groups
    v.close()


# --- Rows: add and remove, by keyboard ---------------------------------------------------------

def test_rows_are_added_and_removed_by_keyboard_and_stay_labelled(visit, site_url):
    v = visit(site_url + PLAN)
    v.page.get_by_role("button", name="Add a call or visit").focus()
    v.page.keyboard.press("Enter")
    assert v.page.evaluate("document.activeElement.id") == "log-4-date", "focus did not move to the new entry"
    v.page.keyboard.type("Fri 7 Nov")
    v.page.fill("#log-2-who", "Records office")
    v.page.once("dialog", lambda dialog: dialog.accept())  # entry 2 has text: it asks first
    v.page.get_by_role("button", name="Remove entry 2").focus()
    v.page.keyboard.press("Enter")
    assert "Entry 2 removed" in message(v.page)
    legends = v.page.locator(".plan-log legend").all_inner_texts()
    assert legends == ["Entry 1", "Entry 2", "Entry 3"], legends
    assert v.page.input_value("#log-3-date") == "Fri 7 Nov", "rows were not renumbered"
    unlabelled = v.page.evaluate("""() => [...document.querySelectorAll('#my-plan input, #my-plan textarea')]
        .filter(f => f.type !== 'file' && !(f.labels && f.labels.length)).map(f => f.outerHTML)""")
    assert not unlabelled, f"fields without a label: {unlabelled}"
    v.close()


FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {id: e.dataset.probe, visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0};}"""


def test_keyboard_reaches_every_control_in_the_plan_and_shows_where_it_is(visit, site_url):
    v = visit(site_url + PLAN, width=390, height=844)
    controls = v.page.evaluate("""() => [...document.querySelectorAll(
        '#my-plan input, #my-plan textarea, #my-plan button, #my-plan a[href]')]
      .filter(e => e.checkVisibility()).map((e, i) => { e.dataset.probe = i; return e.outerHTML.slice(0, 90); })""")
    v.page.locator("#my-plan a[href]").first.focus()
    reached, unmarked = {"0"}, []
    for _ in range(len(controls) + 5):
        v.page.keyboard.press("Tab")
        focused = v.page.evaluate(FOCUS)
        if focused["id"] is None:
            break
        reached.add(focused["id"])
        if not focused["visible"]:
            unmarked.append(controls[int(focused["id"])])
    missing = [html for i, html in enumerate(controls) if str(i) not in reached]
    v.close()
    assert not missing, "not reachable by Tab:\n" + "\n".join(missing)
    assert not unmarked, "focused with no visible outline:\n" + "\n".join(unmarked)


# --- Accessible when it is in use --------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_with_the_plan_filled_in_and_an_error_showing(width, scheme, visit, site_url, tmp_path):
    v = visit(site_url + PLAN, width=width, height=844, scheme=scheme)
    tick_on(v, site_url, "records.html", [0])
    v.page.goto(site_url + PLAN)
    fill_in(v.page)
    bad = tmp_path / "bad.json"
    bad.write_text("not a plan", encoding="utf-8")
    open_file(v.page, bad)
    message(v.page)
    results = Axe().run(v.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                         "resultTypes": ["violations"]})
    report = [f"{rule['id']}: {node['target']} {node.get('failureSummary', '')[:160]}"
              for rule in results.response["violations"] for node in rule["nodes"]]
    v.close()
    assert not report, f"my-plan.md in use at {width}px, {scheme}:\n" + "\n".join(report)


# --- Printing: a clean packet, or a blank form -------------------------------------------------

def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


CHROME_WORDS = ["Save a copy", "Clear everything", "Add a call or visit", "Remove entry", "Download the guide",
                "Suggest a correction", "What to read next", "Sources"]


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_a_filled_in_plan_prints_as_a_packet_of_at_most_three_pages(paper, visit, site_url):
    v = visit(site_url + PLAN)
    tick_on(v, site_url, "questions.html", list(range(8)))
    v.page.goto(site_url + PLAN)
    fill_in(v.page)
    long_note = "We asked about the biopsy slides, the MRI disc and the report. " * 4
    for n in range(2, 8):  # entry 1 holds what fill_in typed
        if n > 3:
            v.page.get_by_role("button", name="Add a call or visit").click()
        v.page.fill(f"#log-{n}-said", long_note)
    pages, text = pdf_text(v.page.pdf(format=paper, margin=MARGINS))
    v.close()
    assert pages <= 3, f"the filled-in plan prints on {pages} {paper} pages; it must fit on three"
    assert " ".join(long_note.split()) in text, "a long note is cut off in print"
    for value in TYPED.values():
        assert value in text, f"{value!r} is missing from the printed plan"
    printed = [word for word in CHROME_WORDS if word in text]
    assert not printed, f"the printed plan shows screen-only parts: {printed}"


def test_with_scripts_off_the_page_still_prints_as_a_blank_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PLAN)
    pages, text = pdf_text(page.pdf(format="Letter", margin=MARGINS))
    boxes = page.locator("#my-plan input:not([type=checkbox]), #my-plan textarea").count()
    context.close()
    assert 1 <= pages <= 3, f"the blank form prints on {pages} pages"
    for part in ("Who is who", "Calls and visits", "What you ticked on other pages",
                 "The two opinions side by side", "Next steps", "Ask our doctor about a second opinion"):
        assert part in text, f"the blank form lacks {part!r}"
    assert boxes >= 30, f"only {boxes} boxes to write in"
    printed = [word for word in CHROME_WORDS if word in text]
    assert not printed, f"the blank form shows screen-only parts: {printed}"

