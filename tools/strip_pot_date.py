"""Remove the POT-Creation-Date line so the POT only changes when messages change."""

import re
import sys
from pathlib import Path

for name in sys.argv[1:]:
    path = Path(name)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'^"POT-Creation-Date: .*\\n"\n', "", text, flags=re.M)
    text = re.sub(r"^# Copyright \(C\) \d{4}", "# Copyright (C)", text, flags=re.M)
    text = re.sub(r'^"Generated-By: .*\\n"\n', "", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
