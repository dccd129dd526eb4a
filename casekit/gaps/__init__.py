"""Gap analysis for the support coordinator: unmet needs of many cases against the regional service catalogue.

    from casekit.gaps import gap_analysis
    report = gap_analysis(store, as_of=date(2026, 11, 25))      # the bundled catalogue by default
    report.holes          # area x life domain: unmet needs and whether any service is there to meet them
    report.summary        # the headline numbers
    report.write("gaps.html", lang="cs")                          # also .csv (tidy) and .docx

Definitions are in :mod:`casekit.gaps.report`; how places are matched to areas in :mod:`casekit.gaps.areas`.
"""
from .areas import AreaMatcher
from .report import STATUSES, GapReport, gap_analysis

__all__ = ["AreaMatcher", "GapReport", "STATUSES", "gap_analysis"]
