"""Minutes as a Word document (python-docx): title, headings, and real tables for the lists of people,
decisions and actions, on A4 with the comment rule in the page footer."""
from __future__ import annotations

from .layout import Bullets, Fields, Heading, Para, Table, blocks
from .model import Minutes


def _table(doc, table: Table) -> None:
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.headers):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        for cell, text in zip(grid.add_row().cells, row):
            cell.text = str(text)


def _add(doc, block) -> None:
    if isinstance(block, Heading):
        doc.add_heading(block.text, min(block.level, 9))
    elif isinstance(block, Fields):
        for label, value in block.items:
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
    elif isinstance(block, Para):
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(block.text)
        run.italic = block.style in ("note", "footer")
    elif isinstance(block, Bullets):
        doc.add_paragraph().add_run(block.title).bold = True
        for item in block.items:
            doc.add_paragraph(item, style="List Bullet")
    elif isinstance(block, Table):
        _table(doc, block)


def to_docx(minutes: Minutes, path_or_buffer) -> None:
    """Write the minutes to a ``.docx`` file (a path or a binary file object)."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(18)
    section.footer.paragraphs[0].text = minutes.footer
    doc.core_properties.title = f"{minutes.title} – {minutes.client}"
    doc.core_properties.author = ""
    doc.core_properties.language = minutes.lang
    for block in blocks(minutes):
        _add(doc, block)
    doc.save(path_or_buffer)
