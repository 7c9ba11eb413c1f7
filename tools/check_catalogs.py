"""Fail when a catalog has untranslated or fuzzy messages, is out of step with the POT, or
a translation does not keep its msgid's %(name)s placeholders."""

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "translations"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def placeholders(text: str | tuple[str, ...] | list[str]) -> set[str]:
    forms = [text] if isinstance(text, str) else list(text)
    return {p for form in forms for p in PLACEHOLDER.findall(form or "")}


pot_ids = {m.id for m in read_po((ROOT / "messages.pot").open("rb")) if m.id}
failed = False
for po_path in sorted(ROOT.glob("*/LC_MESSAGES/messages.po")):
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    msgs = [m for m in catalog if m.id]
    bad = [m for m in msgs if m.fuzzy or not m.string
           or (isinstance(m.string, tuple) and not all(m.string))]
    missing = pot_ids - {m.id for m in msgs}
    format_errors = [(m, [str(e) for e in errors]) for m, errors in catalog.check() if errors]
    format_errors += [(m, [f"msgid has {sorted(placeholders(m.id))}, translation has "
                           f"{sorted(placeholders(m.string))}"])
                      for m in msgs if m.string and placeholders(m.id) != placeholders(m.string)]
    print(f"{po_path.relative_to(ROOT)}: {len(msgs)} messages, {len(bad)} untranslated or "
          f"fuzzy, {len(missing)} missing from the catalog, {len(format_errors)} with "
          f"placeholder errors")
    for m in bad[:20]:
        print(f"  untranslated/fuzzy: {m.id!r}"[:160])
    for m, errors in format_errors[:20]:
        print(f"  placeholders: {m.id!r}: {'; '.join(errors)}"[:200])
    failed |= bool(bad or missing or format_errors)
sys.exit(1 if failed else 0)
