"""What the built website shows: every value of the data, real tables, contact links, review status, previews."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from website import DATA, TODAY, content, html, make_project, page_file, words

from fosterdocs.loading import load
from fosterdocs.publishing import build
from fosterdocs.rendering import tel, written_date
from fosterdocs.rule_catalogue import BASIS_WORDS, RULES
from fosterdocs.site import SERVICE_TYPES
from fosterdocs.status import rows

DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
STATUS_WORDS = {"ok": "Up to date", "due-soon": "Review due soon", "overdue": "Review overdue",
                "no-date": "No review date"}


def services() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.is_dir() and p.name != "reference")


def values(node, path=()):
    """Every scalar in the data with its path (a `use:` names a shared record: its target is checked instead)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("use", "given_in"):  # (both name another part, whose text is checked)
                yield from values(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from values(value, (*path, index))
    elif node is not None and not isinstance(node, bool):
        yield path, node


def shown_as(path: tuple, value) -> str:
    """How a value is written on the page: dates in words, the service type by its name, the rest as it is."""
    if path == ("type",):
        return SERVICE_TYPES[value]
    if isinstance(value, str) and DATE.match(value):
        return written_date(value)
    return words(str(value))


def test_every_text_value_of_every_bundled_service_reaches_its_pages(built):
    missing = []
    for folder in services():
        pages = [content(p) for p in (built.site_dir / folder.name).rglob("index.html")]
        text = words(" ".join(page.get_text(" ") for page in pages))
        links = {a["href"] for page in pages for a in page.select("a[href]")}
        for file in sorted(folder.glob("*.yaml")):
            loaded, _ = load(file)
            for path, value in values(loaded.data):
                if shown_as(path, value) not in text and value not in links:
                    missing.append(f"{file.relative_to(DATA)}: {'.'.join(map(str, path))} = {value!r}")
    assert len(services()) >= 4
    assert not missing, "\n".join(missing)


def test_tables_are_real_tables_with_header_cells(built):
    tables = [t for page in built.site_dir.rglob("index.html") for t in content(page).select("table")]
    assert len(tables) > 20
    for table in tables:
        assert table.select("thead th[scope=col]"), table.caption
        for row in table.select("tbody tr"):
            assert row.find(["th", "td"]).name == "th" and row.th["scope"] == "row", row
    example = content(built.site_dir / "example" / "statement-of-purpose" / "index.html")
    captions = [words(t.caption.get_text()) for t in example.select("table")]
    assert "Management structure" in captions
    assert "Foster carers and children" in captions
    assert "Staff in the Supervising social work team" in captions
    numbers = example.find("caption", string="Foster carers and children").parent
    assert [words(th.get_text()) for th in numbers.select("thead th")] == ["What", "Number", "As at", "Note"]


def test_contact_details_are_telephone_email_and_web_links(built):
    for folder in services():
        service = load(folder / "service.yaml")[0].data
        page = content(built.site_dir / folder.name / "contacts" / "index.html")
        links = {(a["href"], words(a.get_text())) for a in page.select("a[href]")}
        hrefs = {href for href, _ in links}
        checked = 0
        for path, value in values(service):
            if path[-1] in ("phone", "other_phones") or (len(path) > 1 and path[-2] == "other_phones"):
                assert (tel(value), value) in links, (folder.name, path)
            elif path[-1] == "email":
                assert (f"mailto:{value}", value) in links, (folder.name, path)
            elif path[-1] == "website" and path[0] != "website":
                assert value in hrefs, (folder.name, path)
            else:
                continue
            checked += 1
        assert checked, folder.name
    example = content(built.site_dir / "example" / "contacts" / "index.html")
    assert example.select_one('a[href="tel:+441632960150"]').get_text() == "01632 960150"
    assert example.select_one('a[href="mailto:complaints@example.org"]')
    assert example.select_one('a[href="https://www.example.org/complaints"]')


def test_home_page_lists_every_service_and_document_with_its_review_status(built):
    home = content(built.site_dir / "index.html")
    table = home.select_one("table")
    assert TODAY.strftime("%B %Y") in table.caption.get_text()
    shown = {a["href"]: words(a.find_parent("tr").get_text(" ")) for a in table.select("td a[href]")}
    expected = [(c.id, kind, d) for c in built.services for kind, d in c.documents.items()]
    assert len(expected) >= 4
    for service_id, kind, document in expected:
        row = shown[f"{service_id}/{kind}/"]
        assert STATUS_WORDS[document.review_status] in row
        assert ("Preview" in row) == document.is_preview
    services_linked = {a["href"] for a in table.select("th a[href]")}
    assert services_linked == {f"{c.id}/" for c in built.services}
    hertfordshire = shown["hertfordshire/statement-of-purpose/"]  # due March 2025: long past on TODAY
    assert "Review overdue" in hertfordshire and "March 2025" in hertfordshire
    # Leicestershire writes no review date; it commits to approval each September: the date validate and status use
    leicestershire = shown["leicestershire/statement-of-purpose/"]
    assert "Review overdue" in leicestershire and "30 September 2024 (worked out:" in leicestershire


def test_review_status_is_judged_on_the_build_date(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    due = load(data / "example" / "statement-of-purpose.yaml")[0].data["document"]["next_review_due"]
    for today, status in (("2027-01-01", "Up to date"), ("2027-08-01", "Review due soon"),
                          ("2027-10-01", "Review overdue")):
        outcome = build(data, tmp_path / today, date.fromisoformat(today), pdfs=False)
        page = content(outcome.site_dir / "example" / "statement-of-purpose" / "index.html")
        line = words(page.select_one(".fd-review").get_text(" "))
        assert f"Next review due {written_date(due)}." in line and line.endswith(status), (today, line)


def test_each_document_page_has_its_approval_line_and_its_pdf_with_size(built):
    assert built.pdfs
    for pdf in built.pdfs:
        document = next(c for c in built.services if c.id == pdf.service_id).documents[pdf.name]
        page = content(built.site_dir / pdf.service_id / pdf.name / "index.html")
        review = words(page.select_one(".fd-review").get_text(" "))
        assert ("Approved on" in review) == bool(document.meta.get("approved_on"))
        assert "Next review due" in review or "No review date is recorded" in review
        link = page.select_one("a.fd-pdf")
        target = (built.site_dir / pdf.service_id / pdf.name / link["href"]).resolve()
        assert target == pdf.path.resolve() == (built.site_dir / pdf.service_id / document.pdf_name).resolve()
        assert target.read_bytes().startswith(b"%PDF-")
        size = re.search(r"PDF, ([\d.]+) (KB|MB)", link.get_text()).groups()
        assert abs(float(size[0]) * (1024 if size[1] == "KB" else 1_048_576) - target.stat().st_size) < 1_048_576 / 10


def test_documents_with_errors_carry_the_preview_notice_listing_their_findings(built):
    previews = 0
    for service in built.services:
        for kind, document in service.documents.items():
            page = content(built.site_dir / service.id / kind / "index.html")
            notice = page.select_one(".fd-preview")
            assert (notice is not None) == document.is_preview, (service.id, kind)
            if notice:
                previews += 1
                assert words(notice.h2.get_text()) == "Preview — not approved for publication"
                listed = words(notice.get_text(" "))
                for finding in document.findings:
                    assert words(finding.message) in listed
    assert previews >= 3  # the real services carry real mistakes
    for service in built.services:
        shared = any(f.severity == "error" and f.file.endswith("service.yaml") for f in service.findings)
        for page in ("", "contacts/"):
            notice = content(built.site_dir / service.id / page / "index.html").select_one(".fd-preview")
            assert (notice is not None) == shared, (service.id, page)
    assert any(f.file.endswith("service.yaml") and f.severity == "error" for f in built.report.findings)


def test_review_calendar_has_a_row_for_every_document(built):
    page = content(built.site_dir / "review-calendar" / "index.html")
    table = page.select_one("table")
    expected = rows(built.services, TODAY)
    body = table.select("tbody tr")
    assert len(body) == len(expected)
    for row, tr in zip(expected, body):
        assert tr.th.a["href"] == f"../{row.service_id}/"
        assert tr.select("td a")[0]["href"] == f"../{row.service_id}/{row.name}/"
        assert words(tr.th.get_text()) == words(row.service)


def test_service_overview_shows_its_documents_and_review_settings(built):
    for service in built.services:
        page = content(built.site_dir / service.id / "index.html")
        assert words(page.h1.get_text()) == words(service.name)
        linked = {a["href"] for a in page.select("table a[href]")}
        assert {f"{kind}/" for kind in service.documents} <= linked
        months = service.service.get("review_interval_months", 12)
        assert f"every {months} months" in words(page.get_text(" "))


def test_a_services_reasons_for_departing_from_expected_practice_are_published(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    reason = "Our new registered manager starts in January <b>2027</b>; until then the deputy covers."
    with (data / "example" / "service.yaml").open("a", encoding="utf-8") as service:
        service.write(f"downgrades:\n  - requirement: SOP-MANAGER\n    reason: \"{reason}\"\n")
    outcome = build(data, tmp_path / "site", TODAY, pdfs=False)
    assert outcome.services[0].downgrades
    for page in ("example/", "example/statement-of-purpose/"):
        table = content(outcome.site_dir / page / "index.html").select_one("#departures").find_next("table")
        assert [words(cell.get_text()) for cell in table.select("tbody tr > *")] == ["SOP-MANAGER", reason]


def test_a_new_service_folder_is_all_it_takes_to_get_its_pages(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    (data / "example").rename(data / "newshire")
    outcome = build(data, tmp_path / "site", TODAY, pdfs=False)
    assert [c.id for c in outcome.services] == ["newshire"]
    for page in ("newshire/", "newshire/statement-of-purpose/", "newshire/contacts/"):
        assert (outcome.site_dir / page / "index.html").is_file()
    menu = html(outcome.site_dir / "newshire" / "index.html").select_one("nav.md-nav--primary")
    assert "Exampleshire Fostering Service" in menu.get_text()


def test_the_rules_page_lists_every_rule_of_the_catalogue(built):
    """The "Rules fosterdocs checks" page is made from the rule catalogue: each rule once, in a table of its topic,
    with its severity, basis, source and examples, its text escaped."""
    page = content(page_file(built.site_dir, "rules/"))
    assert page.h1.get_text() == "Rules fosterdocs checks"
    rows = {row.th.get_text(strip=True): [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
            for row in page.select("table tbody tr")}
    assert list(rows) == list(RULES)
    for rule_id, (what, severity, basis, source, passes, fails) in rows.items():
        entry = RULES[rule_id]
        assert what.startswith(words(entry.what)) and severity == entry.severity
        assert basis.startswith(BASIS_WORDS[entry.basis]) and words(source) == words(entry.source)
        assert words(passes) == words(entry.passes) and words(fails) == words(entry.fails)
    assert "law in the Children's Guide" in rows["contacts/missing-ofsted"][2]
    assert all(table.caption for table in page.select("table"))
