"""Build the bundled case-study packs from the example cases (``casekit.studies.build_example_studies``).

    .venv/bin/python data/examples/studies/build_studies.py          # write <name>.<lang>.json
    .venv/bin/python data/examples/studies/build_studies.py --check  # exit 1 if a pack is out of date

The example cases are fictional, so their seeds are written in ``casekit/studies/builder.py``; for a real
case keep the seed private (with it, the date offset can be recomputed).
"""
from __future__ import annotations

import sys

from casekit.studies import build_example_studies

if __name__ == "__main__":
    check = "--check" in sys.argv[1:]
    changed = build_example_studies(check=check)
    for path in changed:
        print(("out of date: " if check else "wrote ") + str(path))
    sys.exit(1 if check and changed else 0)
