"""Fail when a catalog has untranslated or fuzzy messages, or is out of step with the POT."""

import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1] / "translations"
pot_ids = {m.id for m in read_po((ROOT / "messages.pot").open("rb")) if m.id}
failed = False
for po_path in sorted(ROOT.glob("*/LC_MESSAGES/messages.po")):
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    msgs = [m for m in catalog if m.id]
    bad = [m for m in msgs if m.fuzzy or not m.string
           or (isinstance(m.string, tuple) and not all(m.string))]
    missing = pot_ids - {m.id for m in msgs}
    print(f"{po_path.relative_to(ROOT)}: {len(msgs)} messages, {len(bad)} untranslated or "
          f"fuzzy, {len(missing)} missing from the catalog")
    for m in bad[:20]:
        print(f"  untranslated/fuzzy: {m.id!r}"[:160])
    failed |= bool(bad or missing)
sys.exit(1 if failed else 0)
