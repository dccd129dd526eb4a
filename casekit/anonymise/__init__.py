"""Anonymising a case for training (domain reference §10).

    from casekit.anonymise import anonymise
    result = anonymise(case, seed=4711)     # result.case: a valid Case; result.report: what was changed
    print(result.report.message("cs"))

What happens (details in the modules):

- **people** (:mod:`.names`, :mod:`.pseudonyms`): everyone named in a person field (client, case manager,
  contact persons, participants, facilitator, minute-taker, dissenters, crisis contacts, consent givers,
  actors that are persons) or recognised in free text (after *pan*/*paní*/*Ms*, initials, first names and
  surnames Faker knows, ``known_names``) gets a Faker pseudonym of the same gender (cs_CZ or en_GB), with
  family surnames kept together (Novák/Nováková → Dvořák/Dvořáková) and initials mapped consistently;
- **free text** (:mod:`.text`, :mod:`.inflection`, :mod:`.patterns`): every name in all its Czech inflected
  forms, case- and accent-insensitive, is replaced by the pseudonym's base form; birth numbers, phones,
  e-mails, addresses, ID-card, file and bank-account numbers by placeholders; dates shifted; ages banded;
  rare conditions and household details (four or more children, twins) generalised; the proper name of an
  informal group (``Skupina Nejsme sami``) replaced, and organisations named after a person lose the name;
- **dates** (:mod:`.dates`): one offset per case, whole weeks, intervals kept; birth year → five-year age band;
- **place**: the client's municipality → its region (larger towns) or a fictional place, everywhere;
- **contacts and ids**: phone and e-mail fields emptied, case id replaced, ids containing names renamed;
- **report** (:mod:`.report`): counts per kind and residual-risk warnings; never the key, the seed or the offset;
- **supervision** (``sessions=``): supervision sessions about the case go through the same key.

The same detector masks the texts a projected screen shows: :func:`room_projection` (:mod:`.projection`) turns a
case into the whitelist :class:`RoomCase` a room may see, with people as labels from one :func:`initials` rule.

Rare values (:mod:`.patterns`): conditions on the short list in ``data/rare_conditions.json`` become
``[vzácné onemocnění]``; "four or more children" becomes "several children" and twins/triplets "siblings"; other
eponymous diagnoses are left but reported. Package data: ``data/common_words.txt``, ``data/places.json``,
``data/rare_conditions.json``.
"""
from .core import Anonymiser, AnonymisationResult, anonymise
from .people import initials
from .projection import SHOWN_IN_PRIVACY, room_projection
from .report import REPORT_FORMAT, REPORT_SCHEMA_VERSION, AnonymisationReport, ReportWarning
from .room import RoomCase

__all__ = [
    "AnonymisationReport", "AnonymisationResult", "Anonymiser", "REPORT_FORMAT", "REPORT_SCHEMA_VERSION",
    "ReportWarning", "RoomCase", "SHOWN_IN_PRIVACY", "anonymise", "initials", "room_projection",
]
