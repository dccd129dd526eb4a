"""Case-study packs for training: an anonymised case revealed one stage at a time.

    from casekit.studies import build_study, load_study, studies
    pack = build_study(case, seed=4711)          # anonymise + stages + prompts + reference
    pack.stages[1].prompts, pack.view(2)          # what the class discusses and sees at stage 2
    load_study("senior-dementia", "en")           # a bundled pack
"""
from .builder import build_example_studies, build_study, default_prompts
from .io import export_study, load_study, parse_study, studies, study_document
from .model import (
    STUDY_FORMAT, STUDY_SCHEMA_VERSION, CaseStudy, EventKind, Exercise, Reference, Stage, StudyPart, TimelineEvent,
)
from .timeline import timeline

__all__ = [
    "STUDY_FORMAT", "STUDY_SCHEMA_VERSION", "CaseStudy", "EventKind", "Exercise", "Reference", "Stage", "StudyPart",
    "TimelineEvent", "build_example_studies", "build_study", "default_prompts", "export_study", "load_study",
    "parse_study", "studies", "study_document", "timeline",
]
