"""``python -m casekit.server OPTIONS_FILE``: the server ``casekit serve`` starts (see :mod:`casekit.server.app`)."""
from .app import main

raise SystemExit(main())
