"""My second-opinion plan (docs/my-plan.md, and in Spanish docs/my-plan.es.md): a private organiser.
What a family types stays on their device, comes back after a reload, moves as a file, is cleared
only when they confirm, refuses files that are not theirs, never reaches another host, and prints as
a short packet (a blank form when scripts are off). Each language has its own words, its own plan
and its own ticks. Run over http and from file://, as families read it."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
import pypdfium2

from sitemodel import html_path
from test_every_page_as_a_reader_meets_it import AXE_SCRIPT, axe_violations

PLAN = html_path("my-plan.md")
SCRIPT = "assets/javascripts/my-plan.js"
STORAGE_PREFIX = "second-opinion-guide:"
MARGINS = {side: "1.5cm" for side in ("top", "bottom", "left", "right")}

# What a parent might type: one of each kind of field.
TYPED = {
    "#plan-first-team-name": "Dr. Ana Ruiz, Lakeside Children's",
    "#plan-second-center-phone": "555-0100",
    "#log-1-date": "Mon 3 Nov",
    "#log-1-ref": "REF-20261103-17",
    "#log-1-said": "They need the MRI disc and the biopsy slides before the visit.",
    "#plan-second-diagnosis": "Agrees with the diagnosis; wants one more scan",
}

# Each edition of the organiser: where it is, what its controls are called, and what it says.
EDITIONS = {
    "en": SimpleNamespace(
        lang="en", other="es", md="my-plan.md", plan=html_path("my-plan.md"),
        records=html_path("records.md"), questions=html_path("questions.md"),
        plan_key=STORAGE_PREFIX + "plan", ticks_key=STORAGE_PREFIX + "checklist:{page}", page_key="{page}",
        done="Done (step {n})", add_step="Add a step", add_log="Add a call or visit", save="Save a copy",
        open="Open a saved copy", clear="Clear everything from this device", remove="Remove entry {n}",
        legend="Entry {n}", step_label="Step {n}",
        remove_ask="Remove entry {n}? What you wrote in it will be gone.", removed="Entry {n} removed.",
        file=r"my-second-opinion-plan-en-\d{4}-\d{2}-\d{2}\.json",
        opened=r"Opened the saved copy from [A-Z][a-z]+ \d{1,2}, \d{4}\. It has replaced the plan on this page\.",
        open_ask="Open this saved copy? It will replace the plan now on this page.",
        not_opened="Nothing was changed.", not_cleared="Nothing was cleared.", cleared="Everything this guide kept on this device is now cleared.",
        clear_ask=("cannot be undone", "in English and in Spanish", "Save a copy"),
        not_kept="This browser is not keeping what you type. Save a copy before you leave this page.",
        unchanged=" Nothing on this page was changed.",
        refusals={
            "too big": "This file is too big to be a saved plan.",
            "not JSON": "This file could not be read. It may be damaged, or it may not be a saved plan.",
            "not ours": "This file is not a plan saved from this guide.",
            "damaged": "This saved plan is damaged, or it comes from another version of this guide.",
            "other language": "This copy was saved from the Spanish page.",
        },
        headings=["Records to gather", "Questions to ask at the second opinion"],
        promises=("stays in this browser, on this device", "never sent to us or anyone else",
                  "Anyone who uses this device and browser can see it"),
        chrome=["Save a copy", "Clear everything", "Add a call or visit", "Remove entry", "Download the guide",
                "Suggest a correction", "What to read next", "Sources"],
        blank=("Who is who", "Calls and visits", "What you ticked on other pages", "The two opinions side by side",
               "Next steps", "Ask our doctor about a second opinion"),
    ),
    "es": SimpleNamespace(
        lang="es", other="en", md="my-plan.es.md", plan=html_path("my-plan.es.md"),
        records=html_path("records.es.md"), questions=html_path("questions.es.md"),
        plan_key=STORAGE_PREFIX + "plan:es", ticks_key=STORAGE_PREFIX + "checklist:es:{page}", page_key="es:{page}",
        done="Hecho (paso {n})", add_step="Agregar un paso", add_log="Agregar una llamada o consulta",
        save="Guardar una copia", open="Abrir una copia guardada", clear="Borrar todo de este dispositivo",
        remove="Quitar la nota {n}", legend="Nota {n}", step_label="Paso {n}",
        remove_ask="¿Quitar la nota {n}? Se borrará lo que escribió en ella.", removed="Se quitó la nota {n}.",
        file=r"mi-plan-segunda-opinion-es-\d{4}-\d{2}-\d{2}\.json",
        opened=r"Se abrió la copia guardada del \d{1,2} de [a-z]+ de \d{4}\. Reemplazó el plan de esta página\.",
        open_ask="¿Abrir esta copia guardada? Va a reemplazar el plan que está ahora en esta página.",
        not_opened="No se cambió nada.", not_cleared="No se borró nada.", cleared="Se borró todo lo que esta guía guardaba en este dispositivo.",
        clear_ask=("No se puede deshacer", "en inglés y en español", "Guardar una copia"),
        not_kept="Este navegador no está guardando lo que escribe. Guarde una copia antes de salir de esta página.",
        unchanged=" No se cambió nada en esta página.",
        refusals={
            "too big": "Este archivo es demasiado grande para ser un plan guardado.",
            "not JSON": "No se pudo leer este archivo. Puede estar dañado, o puede que no sea un plan guardado.",
            "not ours": "Este archivo no es un plan guardado desde esta guía.",
            "damaged": "Este plan guardado está dañado, o viene de otra versión de esta guía.",
            "other language": "Esta copia se guardó desde la página en inglés.",
        },
        headings=["Documentos que debe reunir", "Preguntas para hacer en la segunda opinión"],
        promises=("se queda en este navegador, solo en este dispositivo", "Nunca se nos envía a nosotros ni a nadie más",
                  "Cualquier persona que use este dispositivo y este navegador lo puede ver"),
        chrome=["Guardar una copia", "Borrar todo", "Agregar una llamada", "Quitar la nota", "Descargue la guía",
                "Sugerir una corrección", "Qué leer después", "Fuentes"],
        blank=("Quién es quién", "Llamadas y consultas", "Lo que marcó en otras páginas",
               "Las dos opiniones, una al lado de la otra", "Próximos pasos",
               "Preguntar a nuestro médico sobre una segunda opinión"),
    ),
}


@pytest.fixture(params=["http", "file"])
def base_url(request, site_url, site_dir):
    return site_url if request.param == "http" else site_dir.as_uri() + "/"


@pytest.fixture(params=list(EDITIONS))
def ed(request) -> SimpleNamespace:
    """The edition under test: English (my-plan.html) or Spanish (es/my-plan.html)."""
    return EDITIONS[request.param]


def fill_in(page, ed) -> None:
    for selector, text in TYPED.items():
        page.fill(selector, text)
    page.get_by_role("checkbox", name=ed.done.format(n=2)).check()


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
        # By keyboard (the box takes focus, Space ticks it): with the pointer, a glossary word's
        # meaning opened under the pointer as the page scrolled to the next item, stayed open while
        # the pointer was on it (WCAG 1.4.13), and covered the box (CI, twice, after Esc and the
        # pointer moved away). Ticking by pointer, and a tap on a word, have tests of their own.
        labels.nth(i).locator("input").focus()
        v.page.keyboard.press("Space")
    return [labels.nth(i).inner_text().strip() for i in items]


def message(page, expected: str = r"\S") -> str:
    """The organiser's message once one matching `expected` (a pattern) shows. A message can be
    written a moment after its action (so a repeated one is heard again): the one before may land
    after open_file() empties the box, and must not be read as the answer to the next action."""
    status = page.get_by_role("status").filter(has_text=re.compile(expected))
    status.first.wait_for(timeout=5_000)
    return status.first.inner_text().strip()


def open_file(page, ed, path) -> None:
    """Open a file as a reader does. The message is emptied first, so message() waits for the new one."""
    page.eval_on_selector("#plan-message", "m => { m.textContent = ''; }")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=ed.open).click()
    chooser.value.set_files(str(path))


def save_copy(page, ed, folder):
    with page.expect_download() as download:
        page.get_by_role("button", name=ed.save).click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    return saved


def ticked_here(page) -> tuple[list[str], list[list[str]]]:
    """What "What you ticked on other pages" shows: its page headings, and the items under each."""
    box = page.locator("#plan-ticked")
    headings = [h.strip() for h in box.locator("h3").all_inner_texts()]
    groups = [[li.strip() for li in ul.locator("li").all_inner_texts()] for ul in box.locator("ul").all()]
    return headings, groups


# --- It keeps what you type, on this device only -----------------------------------------------

def test_what_you_type_is_still_there_after_a_reload(ed, base_url, visit):
    v = visit(base_url + ed.plan, width=390, height=844)
    fill_in(v.page, ed)
    v.page.get_by_role("button", name=ed.add_step).click()
    v.page.keyboard.type("Ask about travel help")
    v.page.reload()
    assert typed_values(v.page) == TYPED, "typed text was lost on reload"
    assert v.page.get_by_role("checkbox", name=ed.done.format(n=2)).is_checked(), "a ticked step was lost on reload"
    assert v.page.input_value("#steps-9-text") == "Ask about travel help", "an added step was lost on reload"
    assert v.page.locator("label[for=steps-9-text]").inner_text() == ed.step_label.format(n=9)
    assert list(stored(v.page)) == [ed.plan_key], f"kept under other keys: {list(stored(v.page))}"
    assert not v.third_party and not v.console_errors, f"{v.third_party} {v.console_errors}"
    v.close()


def test_each_language_keeps_its_own_plan(base_url, visit):
    en, es = EDITIONS["en"], EDITIONS["es"]
    v = visit(base_url + en.plan)
    fill_in(v.page, en)
    v.page.goto(base_url + es.plan)
    assert all(value == "" for value in typed_values(v.page).values()), "the English plan shows on the Spanish page"
    v.page.fill("#plan-first-team-name", "Dra. Ana Ruiz")
    v.page.goto(base_url + en.plan)
    assert typed_values(v.page) == TYPED, "typing on the Spanish page changed the English plan"
    v.page.goto(base_url + es.plan)
    assert v.page.input_value("#plan-first-team-name") == "Dra. Ana Ruiz", "the Spanish plan was lost"
    assert sorted(stored(v.page)) == sorted([en.plan_key, es.plan_key]), list(stored(v.page))
    v.close()


def test_when_the_browser_keeps_nothing_the_page_says_so(ed, visit, site_url):
    v = visit(site_url + ed.plan)
    v.page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };")
    v.page.reload()
    v.page.fill("#plan-first-team-name", "Dr. Ana Ruiz")
    assert message(v.page) == ed.not_kept
    assert "plan-message--error" in v.page.get_attribute("#plan-message", "class")
    v.close()


@pytest.mark.parametrize("ed", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_page_says_plainly_that_what_you_type_stays_on_this_device(ed, page_soup):
    text = " ".join(page_soup(ed.md).select_one("article").get_text(" ").split())
    for promise in ed.promises:
        assert promise in text, f"{ed.md} does not say {promise!r}"


def test_only_the_organiser_pages_load_its_script(soups):
    loads = sorted(path for path, soup in soups.items()
                   if any(s.get("src", "").endswith(SCRIPT) for s in soup.find_all("script")))
    expected = sorted(ed.plan for ed in EDITIONS.values())
    assert loads == expected, f"pages that load {SCRIPT}: {loads} (only {expected} should)"


def test_nothing_is_sent_anywhere_while_the_plan_is_used(ed, base_url, visit, tmp_path):
    """After the page has loaded, typing, saving, opening and clearing make no request at all."""
    v = visit(base_url + ed.plan)
    v.page.wait_for_load_state("networkidle")
    loaded = len(v.local_requests)
    fill_in(v.page, ed)
    saved = save_copy(v.page, ed, tmp_path)
    v.page.once("dialog", lambda dialog: dialog.accept())
    open_file(v.page, ed, saved)
    said = message(v.page, ed.opened)
    assert re.fullmatch(ed.opened, said), said
    v.page.once("dialog", lambda dialog: dialog.accept())
    v.page.get_by_role("button", name=ed.clear).click()
    # The saved copy is a blob: URL inside the page; the browser may fetch the tab's icon late.
    later = [url for url in v.local_requests[loaded:]
             if not url.startswith("blob:") and not url.endswith("favicon.svg")]
    assert not v.third_party, f"the organiser asked another host for: {v.third_party}"
    assert not later, f"the organiser made requests while in use: {later}"
    assert not v.console_errors, v.console_errors
    v.close()


# --- Clear everything, after asking --------------------------------------------------------------

def test_clear_everything_asks_first_then_removes_both_plans_and_every_tick(ed, base_url, visit):
    v = visit(base_url + ed.plan)
    for edition in EDITIONS.values():  # a plan and ticks in both languages
        tick_on(v, base_url, edition.records, [0, 2])
        v.page.goto(base_url + edition.plan)
        fill_in(v.page, edition)
    v.page.goto(base_url + ed.plan)
    clear = v.page.get_by_role("button", name=ed.clear)

    v.page.once("dialog", lambda dialog: dialog.dismiss())
    clear.click()
    assert message(v.page) == ed.not_cleared
    assert typed_values(v.page) == TYPED, "cancelling the confirmation still cleared the plan"
    assert len(stored(v.page)) == 4, f"cancelling still cleared something: {list(stored(v.page))}"

    asked = []
    v.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    clear.click()
    assert asked and all(words in asked[0] for words in ed.clear_ask), f"the confirmation does not warn: {asked}"
    assert message(v.page) == ed.cleared
    assert all(value == "" for value in typed_values(v.page).values()), "the form still shows the plan"
    assert not stored(v.page), f"still kept on this device after clearing: {list(stored(v.page))}"
    for edition in EDITIONS.values():
        v.page.goto(base_url + edition.records)
        boxes = v.page.get_by_role("checkbox")
        assert not any(boxes.nth(i).is_checked() for i in range(boxes.count())), (
            f"ticks on {edition.records} survived 'Clear everything'")
        v.page.goto(base_url + edition.plan)
        assert all(value == "" for value in typed_values(v.page).values()), f"{edition.plan} still holds a plan"
    v.close()


# --- Save a copy, open it again ------------------------------------------------------------------

def test_save_clear_open_brings_everything_back(ed, base_url, visit, tmp_path):
    v = visit(base_url + ed.plan, width=390, height=844)
    ticked = tick_on(v, base_url, ed.records, [1])
    tick_on(v, base_url, EDITIONS[ed.other].records, [0])  # the other language's: not in this copy
    v.page.goto(base_url + ed.plan)
    fill_in(v.page, ed)
    saved = save_copy(v.page, ed, tmp_path)
    assert re.fullmatch(ed.file, saved.name), saved.name
    copy = json.loads(saved.read_text(encoding="utf-8"))
    assert copy["format"] == "second-opinion-guide/my-plan" and copy["version"] == 1 and copy["lang"] == ed.lang
    assert copy["checklists"] == {ed.page_key.format(page="records"): {ticked[0]: True}}, (
        f"the saved copy does not hold this language's ticks: {copy['checklists']}")

    v.page.once("dialog", lambda dialog: dialog.accept())
    v.page.get_by_role("button", name=ed.clear).click()
    assert not stored(v.page)
    open_file(v.page, ed, saved)
    said = message(v.page, ed.opened)
    assert re.fullmatch(ed.opened, said), said
    assert typed_values(v.page) == TYPED, "opening the saved copy did not bring the plan back"
    assert v.page.get_by_role("checkbox", name=ed.done.format(n=2)).is_checked()
    assert ticked_here(v.page) == ([ed.headings[0]], [ticked]), "the ticks did not come back"
    v.page.reload()
    assert typed_values(v.page) == TYPED, "the opened copy was not kept on this device"
    v.page.goto(base_url + ed.records)
    assert v.page.get_by_role("checkbox", name=ticked[0]).is_checked(), "the tick is not back on its page"
    v.close()


def test_opening_a_copy_asks_before_it_replaces_a_plan(ed, visit, site_url, tmp_path):
    v = visit(site_url + ed.plan)
    fill_in(v.page, ed)
    saved = save_copy(v.page, ed, tmp_path)
    v.page.fill("#plan-first-team-name", "Someone else")
    asked = []
    v.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    open_file(v.page, ed, saved)
    assert message(v.page) == ed.not_opened
    assert asked == [ed.open_ask], asked
    assert v.page.input_value("#plan-first-team-name") == "Someone else", "cancelling still opened the copy"
    v.close()


def _our(lang: str, **parts) -> str:
    copy = {"format": "second-opinion-guide/my-plan", "version": 1, "lang": lang, "fields": {}, "log": [],
            "steps": [], "checklists": {}}
    return json.dumps({**copy, **parts})


def bad_files(ed) -> dict[str, tuple[str, str]]:
    """Files that are not a good saved plan for this page: (content, why it is refused)."""
    other_pages = {EDITIONS[ed.other].page_key.format(page="records"): {"An item": True}}
    return {
        "not JSON at all": ("%PDF-1.7 this is not a plan", "not JSON"),
        "cut off half way": ('{"format": "second-opinion-guide/my-plan", "version": 1, "fields": {"first-',
                             "not JSON"),
        "someone else's JSON": (json.dumps({"name": "my-app", "version": "1.0.0", "dependencies": {}}), "not ours"),
        "a JSON list": (json.dumps([1, 2, 3]), "not ours"),
        "our format, damaged inside": (_our(ed.lang, fields={"first-team-name": 42}, log="no"), "damaged"),
        "a newer version": (_our(ed.lang, version=99), "damaged"),
        "an unknown language": (_our("fr"), "damaged"),
        "ticks of the other language's pages": (_our(ed.lang, checklists=other_pages), "damaged"),
        "too big to be a plan": (_our(ed.lang, padding="x" * 1_100_000), "too big"),
    }


def test_broken_or_foreign_files_are_refused_with_a_message_and_change_nothing(ed, visit, site_url, tmp_path, subtests):
    """Each bad file in turn on one page: every refusal must leave the page as it was for the next."""
    v = visit(site_url + ed.plan)
    fill_in(v.page, ed)
    before = stored(v.page)
    asked: list[str] = []
    v.page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    for n, (case, (content, why)) in enumerate(bad_files(ed).items()):
        with subtests.test(msg=f"{ed.lang}: {case}"):
            bad = tmp_path / f"plan-{n}.json"
            bad.write_text(content, encoding="utf-8")
            open_file(v.page, ed, bad)
            said = message(v.page)
            assert said == ed.refusals[why] + ed.unchanged, f"{case}: {said!r}"
            assert "plan-message--error" in v.page.get_attribute("#plan-message", "class"), f"{case}: not an error"
            assert not asked, f"{case}: asked to replace the plan with a bad file: {asked}"
            assert typed_values(v.page) == TYPED, f"{case}: the plan on the page changed"
            assert stored(v.page) == before, f"{case}: what is kept on this device changed"
    v.close()


def test_a_foreign_file_is_refused_from_files_too(ed, site_dir, visit, tmp_path):
    v = visit((site_dir / ed.plan).as_uri())
    fill_in(v.page, ed)
    bad = tmp_path / "other.json"
    bad.write_text(bad_files(ed)["someone else's JSON"][0], encoding="utf-8")
    open_file(v.page, ed, bad)
    assert message(v.page) == ed.refusals["not ours"] + ed.unchanged
    assert typed_values(v.page) == TYPED
    v.close()


def test_a_copy_saved_in_the_other_language_is_refused_and_changes_nothing(ed, base_url, visit, tmp_path):
    """A copy holds one language's plan and ticks: it opens on its own language's page, not here."""
    other = EDITIONS[ed.other]
    v = visit(base_url + other.plan)
    fill_in(v.page, other)
    tick_on(v, base_url, other.records, [0])
    v.page.goto(base_url + other.plan)
    saved = save_copy(v.page, other, tmp_path)
    v.page.goto(base_url + ed.plan)
    v.page.fill("#plan-first-team-name", "Kept as it is")
    before = stored(v.page)
    v.page.on("dialog", lambda dialog: pytest.fail("asked to replace the plan with the other language's copy"))
    open_file(v.page, ed, saved)
    said = message(v.page)
    assert said.startswith(ed.refusals["other language"]) and said.endswith(ed.unchanged), said
    assert v.page.input_value("#plan-first-team-name") == "Kept as it is"
    assert stored(v.page) == before, "what is kept on this device changed"
    v.close()


def test_a_copy_saved_before_the_spanish_edition_still_opens_in_english_only(visit, site_url, tmp_path):
    """Copies saved before the Spanish edition carry no language: they are English copies."""
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": "second-opinion-guide/my-plan", "version": 1, "saved": "2026-11-02T10:00:00Z",
                               "fields": {"first-team-name": "Dr. Ana Ruiz"}, "log": [], "steps": [],
                               "checklists": {"records": {"An item": True}}}), encoding="utf-8")
    en, es = EDITIONS["en"], EDITIONS["es"]
    v = visit(site_url + es.plan)
    open_file(v.page, es, old)
    assert message(v.page).startswith(es.refusals["other language"])
    v.page.goto(site_url + en.plan)
    open_file(v.page, en, old)
    said = message(v.page, en.opened)
    assert re.fullmatch(en.opened, said), said
    assert v.page.input_value("#plan-first-team-name") == "Dr. Ana Ruiz"
    assert ticked_here(v.page)[1] == [["An item"]]
    v.close()


# --- What you ticked elsewhere, gathered here --------------------------------------------------

def test_items_ticked_on_other_pages_show_here_grouped_by_page_in_menu_order(ed, base_url, visit):
    v = visit(base_url + ed.plan)
    questions = tick_on(v, base_url, ed.questions, [0])
    records = tick_on(v, base_url, ed.records, [0, 6])
    v.page.goto(base_url + ed.plan)
    headings, groups = ticked_here(v.page)
    assert headings == ed.headings, headings
    assert groups == [records, questions], groups
    links = v.page.locator("#plan-ticked h3 a").evaluate_all("links => links.map(a => a.href)")
    assert links == [base_url + ed.records, base_url + ed.questions], links
    v.close()


def test_each_language_shows_only_its_own_ticks(base_url, visit):
    en, es = EDITIONS["en"], EDITIONS["es"]
    v = visit(base_url + en.plan)
    english = tick_on(v, base_url, en.records, [0])
    v.page.goto(base_url + es.plan)
    assert ticked_here(v.page) == ([], []), "a tick on the English records page shows on the Spanish plan"
    spanish = tick_on(v, base_url, es.records, [1])
    assert spanish != english
    v.page.goto(base_url + es.plan)
    assert ticked_here(v.page) == ([es.headings[0]], [spanish]), ticked_here(v.page)
    v.page.goto(base_url + en.plan)
    assert ticked_here(v.page) == ([en.headings[0]], [english]), ticked_here(v.page)
    v.close()


# --- Rows: add and remove, by keyboard ---------------------------------------------------------

def test_rows_are_added_and_removed_by_keyboard_and_stay_labelled(ed, visit, site_url):
    v = visit(site_url + ed.plan)
    v.page.get_by_role("button", name=ed.add_log).focus()
    v.page.keyboard.press("Enter")
    assert v.page.evaluate("document.activeElement.id") == "log-4-date", "focus did not move to the new entry"
    v.page.keyboard.type("Fri 7 Nov")
    v.page.fill("#log-2-who", "Records office")
    asked = []
    v.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))  # entry 2 has text
    v.page.get_by_role("button", name=ed.remove.format(n=2)).focus()
    v.page.keyboard.press("Enter")
    assert message(v.page) == ed.removed.format(n=2)
    assert asked == [ed.remove_ask.format(n=2)], asked
    legends = v.page.locator(".plan-log legend").all_inner_texts()
    assert legends == [ed.legend.format(n=n) for n in (1, 2, 3)], legends
    assert v.page.input_value("#log-3-date") == "Fri 7 Nov", "rows were not renumbered"
    assert v.page.get_by_role("button", name=ed.remove.format(n=3), exact=True).count() == 1
    unlabelled = v.page.evaluate("""() => [...document.querySelectorAll('#my-plan input, #my-plan textarea')]
        .filter(f => f.type !== 'file' && !(f.labels && f.labels.length)).map(f => f.outerHTML)""")
    assert not unlabelled, f"fields without a label: {unlabelled}"
    v.close()


FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {id: e.dataset.probe, visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0};}"""


def test_keyboard_reaches_every_control_in_the_plan_and_shows_where_it_is(ed, visit, site_url):
    v = visit(site_url + ed.plan, width=390, height=844)
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
def test_axe_finds_nothing_with_the_plan_filled_in_and_an_error_showing(scheme, ed, visit, site_url, tmp_path, subtests):
    v = visit(site_url + ed.plan, width=1280, height=844, scheme=scheme, init_scripts=(AXE_SCRIPT,))
    tick_on(v, site_url, ed.records, [0])
    v.page.goto(site_url + ed.plan)
    fill_in(v.page, ed)
    bad = tmp_path / "bad.json"
    bad.write_text("not a plan", encoding="utf-8")
    open_file(v.page, ed, bad)
    message(v.page)
    for width in (1280, 390):  # the same page, the same state, on a wide and a narrow screen
        v.page.set_viewport_size({"width": width, "height": 844})
        v.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # the layout follows
        with subtests.test(msg=f"{ed.md} in use at {width}px, {scheme}"):
            report = axe_violations(v.page)  # as every page is checked, with its colour cache
            assert not report, f"{ed.md} in use at {width}px, {scheme}:\n" + "\n".join(report)
    v.close()


# --- Printing: a clean packet, or a blank form -------------------------------------------------

def pdf_text(pdf: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(pdf)
    text = " ".join(" ".join(document[i].get_textpage().get_text_range().replace("\ufffe", "-").split())
                    for i in range(len(document)))  # PDFium marks a line-end hyphen as U+FFFE
    pages = len(document)
    document.close()
    return pages, text


def test_a_filled_in_plan_prints_as_a_packet_of_at_most_three_pages(ed, visit, site_url, subtests):
    v = visit(site_url + ed.plan)
    tick_on(v, site_url, ed.questions, list(range(8)))
    v.page.goto(site_url + ed.plan)
    fill_in(v.page, ed)
    long_note = "We asked about the biopsy slides, the MRI disc and the report. " * 4
    for n in range(2, 8):  # entry 1 holds what fill_in typed
        if n > 3:
            v.page.get_by_role("button", name=ed.add_log).click()
        v.page.fill(f"#log-{n}-said", long_note)
    for paper in ("Letter", "A4"):
        with subtests.test(msg=f"{ed.md} on {paper}"):
            pages, text = pdf_text(v.page.pdf(format=paper, margin=MARGINS))
            assert pages <= 3, f"the filled-in plan prints on {pages} {paper} pages; it must fit on three"
            assert " ".join(long_note.split()) in text, "a long note is cut off in print"
            for value in TYPED.values():
                assert value in text, f"{value!r} is missing from the printed plan"
            printed = [word for word in ed.chrome if word in text]
            assert not printed, f"the printed plan shows screen-only parts: {printed}"
    v.close()


def test_with_scripts_off_the_page_still_prints_as_a_blank_form(ed, browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ed.plan)
    pages, text = pdf_text(page.pdf(format="Letter", margin=MARGINS))
    boxes = page.locator("#my-plan input:not([type=checkbox]), #my-plan textarea").count()
    context.close()
    assert 1 <= pages <= 3, f"the blank form prints on {pages} pages"
    for part in ed.blank:
        assert part in text, f"the blank form lacks {part!r}"
    assert boxes >= 30, f"only {boxes} boxes to write in"
    printed = [word for word in ed.chrome if word in text]
    assert not printed, f"the blank form shows screen-only parts: {printed}"


def test_with_scripts_off_the_page_says_nothing_is_kept_and_with_scripts_on_it_does_not(ed, browser, site_url):
    """The warning is a <noscript>: shown only when scripts are off, and never shown then hidden."""
    shown = {}
    for scripts in (False, True):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.goto(site_url + ed.plan)
        shown[scripts] = page.locator(".plan-noscript").is_visible()
        context.close()
    assert shown[False], "with scripts off, the page does not say that nothing is kept"
    assert not shown[True], "with scripts on, the page says scripts are off"


def test_the_organiser_does_not_move_under_the_reader_as_it_opens(ed, browser, site_url):
    """No layout shift on a phone while the page and its script load (a moving page is one a
    tired parent taps in the wrong place; Lighthouse counts it too)."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script("""window.__shifts = [];
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shifts.push(
            [e.value, e.sources.map(s => s.node ? s.node.nodeName + "." + s.node.className : "?").join(", ")]); })
        .observe({type: "layout-shift", buffered: true});""")
    page.goto(site_url + ed.plan)
    page.wait_for_function("() => document.querySelector('.plan--ready')")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert not shifts, f"{ed.plan} moves as it opens: {shifts}"


# --- Nothing lost: when a copy was last saved, and why it matters on an iPhone (issue 22) -------

SAVED_WORDS = {
    "en": ("You have not saved a copy of this plan as a file on this device yet.",
           r"You last saved a copy of this plan as a file on [A-Z][a-z]+ \d{1,2}, \d{4}\."),
    "es": ("Todavía no ha guardado una copia de este plan como archivo en este dispositivo.",
           r"La última vez que guardó una copia de este plan como archivo fue el \d{1,2} de [a-z]+ de \d{4}\."),
}
IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")


def test_the_plan_says_when_a_copy_was_last_saved_to_a_file(ed, site_url, visit, tmp_path):
    never, last = SAVED_WORDS[ed.lang]
    v = visit(site_url + ed.plan, width=390, height=844)
    line = v.page.locator("#plan-saved")
    assert line.inner_text() == never, line.inner_text()
    save_copy(v.page, ed, tmp_path)
    assert re.fullmatch(last, line.inner_text()), line.inner_text()
    v.page.reload()
    assert re.fullmatch(last, line.inner_text()), "the date of the last saved copy was not kept"
    v.close()


def test_on_an_iphone_the_plan_says_why_a_saved_copy_matters(ed, browser, site_url):
    from conftest import Visit
    for agent, shown in ((IPHONE_SAFARI, True), (None, False)):
        v = Visit(browser, site_url + ed.plan, width=390, height=844, user_agent=agent)
        note = v.page.locator("#plan-safari")
        assert note.is_visible() == shown, f"the Safari note is {'hidden' if shown else 'shown'} for {agent or 'Chromium'}"
        if shown:
            assert "7" in note.inner_text() and note.locator("a[href$='about.html#keep-the-guide-on-your-phone']").count() == 1
        v.close()


def test_each_call_has_a_reference_number_and_a_date_hint_and_a_step_asks_for_an_interpreter(ed, page_soup):
    soup = page_soup(ed.md)
    entries = soup.select(".plan-log .plan-row")
    assert entries and all(row.select_one("input[data-field=ref]") for row in entries), "an entry has no reference number"
    for row in entries:
        label = row.select_one("label[for$='-date']").get_text(" ", strip=True)
        assert re.search(r"\((for example|por ejemplo), ", label), f"no date hint: {label!r}"
    steps = [i.get("value", "") for i in soup.select(".plan-steps input[data-field=text]")]
    assert any(re.search(r"interpreter|intérprete", step) for step in steps), steps
