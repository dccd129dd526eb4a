"""A regional service catalogue: which services exist, for whom, where, and whether they take new clients.

The support coordinator keeps it (domain reference, section 2). Set against the needs of many cases it
shows the **holes** (a life domain no service in the area meets, or none that takes new clients) and the
**duplicities** (several services of the same type for the same area).

A catalogue file is an envelope ``{"format": "casekit.catalogue", "schema_version": 1, "catalogue": {...}}``
with the human texts in one language (``language``); ids, codes and numbers are the same in every language.
"""
from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ..vocab import LifeDomain, Sector, Vocabulary
from .base import Id, LongText, Model, Name, ShortText, rule_error

CATALOGUE_FORMAT = "casekit.catalogue"
CATALOGUE_SCHEMA_VERSION = 1


class ServiceType(Vocabulary):
    """What kind of service it is (labels ``service_type.<code>`` in both catalogues)."""

    MUNICIPAL_SOCIAL_WORK = "municipal_social_work"
    CHILD_PROTECTION = "child_protection"
    SOCIAL_COUNSELLING = "social_counselling"
    DEBT_COUNSELLING = "debt_counselling"
    FIELD_PROGRAMME = "field_programme"
    SOCIAL_REHABILITATION = "social_rehabilitation"
    HOME_CARE = "home_care"
    PERSONAL_ASSISTANCE = "personal_assistance"
    RESPITE_CARE = "respite_care"
    DAY_CARE = "day_care"
    CARE_HOME = "care_home"
    SPECIAL_REGIME_HOME = "special_regime_home"
    SHELTER = "shelter"
    NIGHT_SHELTER = "night_shelter"
    DAY_CENTRE = "day_centre"
    FAMILY_SUPPORT = "family_support"
    YOUTH_CLUB = "youth_club"
    SUPPORTED_LIVING = "supported_living"
    SHELTERED_HOUSING = "sheltered_housing"
    ADDICTION_SERVICE = "addiction_service"
    CRISIS_HELP = "crisis_help"
    CARER_SUPPORT = "carer_support"
    HALFWAY_HOUSE = "halfway_house"
    MENTAL_HEALTH_CENTRE = "mental_health_centre"
    PSYCHIATRIST = "psychiatrist"
    PSYCHOLOGIST = "psychologist"
    GENERAL_PRACTITIONER = "general_practitioner"
    HOSPITAL = "hospital"
    HOME_NURSING = "home_nursing"
    SOCIAL_HOUSING = "social_housing"
    MUNICIPAL_HOUSING = "municipal_housing"
    HOSTEL = "hostel"
    BENEFITS_OFFICE = "benefits_office"
    PENSION_OFFICE = "pension_office"
    REGISTRY_OFFICE = "registry_office"
    LEGAL_AID = "legal_aid"
    COURT = "court"
    POLICE = "police"
    PROBATION = "probation"
    SCHOOL = "school"
    SCHOOL_COUNSELLING = "school_counselling"
    ADULT_EDUCATION = "adult_education"
    EMPLOYMENT_OFFICE = "employment_office"
    SUPPORTED_EMPLOYMENT = "supported_employment"
    SHELTERED_WORKSHOP = "sheltered_workshop"
    SOCIAL_ENTERPRISE = "social_enterprise"
    FOOD_BANK = "food_bank"
    MATERIAL_AID = "material_aid"
    VOLUNTEER_CENTRE = "volunteer_centre"
    SELF_HELP_GROUP = "self_help_group"
    COMMUNITY_CENTRE = "community_centre"
    CLEANING_SERVICE = "cleaning_service"
    TRANSPORT_SERVICE = "transport_service"
    OTHER = "other"

    @classmethod
    def key_prefix(cls) -> str:
        return "service_type"


class Area(Model):
    """A municipality or an ORP (municipality with extended powers); ``parent_id`` links a municipality to its ORP."""

    id: Id
    name: Name
    parent_id: Id | None = None


class Service(Model):
    """One service of the regional network, formal or informal.

    ``capacity`` is the number of clients (or places) it is meant for; ``None`` when it has no fixed limit.
    ``current_clients`` may exceed ``capacity``: services over capacity are a fact worth seeing.
    """

    id: Id
    name: Name
    provider: Name
    service_type: ServiceType = ServiceType.OTHER
    sector: Sector
    domains: list[LifeDomain] = Field(min_length=1, max_length=len(LifeDomain))
    areas: list[Id] = Field(min_length=1, max_length=500)
    capacity: int | None = Field(default=None, ge=0, le=1_000_000)
    current_clients: int = Field(default=0, ge=0, le=1_000_000)
    waiting_list: int = Field(default=0, ge=0, le=1_000_000)
    accepts_new: bool = True
    target_groups: list[ShortText] = Field(default_factory=list, max_length=50)
    formal: bool = True
    description: LongText = ""

    @model_validator(mode="after")
    def _check(self):
        if len(set(self.domains)) != len(self.domains):
            raise rule_error("service_domain_duplicate", service=self.id)
        return self

    @property
    def over_capacity(self) -> bool:
        return self.capacity is not None and self.current_clients > self.capacity

    @property
    def free_places(self) -> int | None:
        """Places left (never negative), or ``None`` when the service has no fixed capacity."""
        return None if self.capacity is None else max(self.capacity - self.current_clients, 0)

    def meets(self, domain: LifeDomain | str) -> bool:
        return LifeDomain(domain) in self.domains


class ServiceCatalogue(Model):
    """The services of one region, with its areas."""

    region: Name
    as_of: date
    language: ShortText = "cs"
    notes: LongText = ""
    areas: list[Area] = Field(default_factory=list, max_length=5000)
    services: list[Service] = Field(default_factory=list, max_length=20_000)

    @model_validator(mode="after")
    def _rules(self):
        area_ids: set[str] = set()
        for area in self.areas:
            if area.id in area_ids:
                raise rule_error("duplicate_id", what="area", id=area.id)
            area_ids.add(area.id)
        for area in self.areas:
            if area.parent_id is not None and area.parent_id not in area_ids:
                raise rule_error("area_parent_unknown", area=area.id, parent=area.parent_id)
        service_ids: set[str] = set()
        for service in self.services:
            if service.id in service_ids:
                raise rule_error("duplicate_id", what="service", id=service.id)
            service_ids.add(service.id)
            for area_id in service.areas:
                if area_id not in area_ids:
                    raise rule_error("service_area_unknown", service=service.id, area=area_id)
        return self

    # -- reading helpers ---------------------------------------------------------------------
    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def _area_and_parents(self, area_id: str) -> set[str]:
        """The area and the ORP (and any further parents) it lies in: a service for the ORP serves it too."""
        found: set[str] = set()
        current = self.area(area_id)
        while current is not None and current.id not in found:
            found.add(current.id)
            current = self.area(current.parent_id) if current.parent_id else None
        return found or {area_id}

    def services_for(self, domain: LifeDomain | str, area: str | None = None, *,
                     accepting_only: bool = False) -> list[Service]:
        """Services meeting ``domain`` (in ``area`` or the ORP it belongs to), optionally only those taking new clients."""
        areas = self._area_and_parents(area) if area else None
        return [
            s for s in self.services
            if s.meets(domain)
            and (areas is None or areas.intersection(s.areas))
            and (not accepting_only or s.accepts_new)
        ]

    def uncovered_domains(self, area: str | None = None, *, accepting_only: bool = False) -> list[LifeDomain]:
        """Life domains with no service at all (holes), or none taking new clients when ``accepting_only``."""
        return [d for d in LifeDomain if not self.services_for(d, area, accepting_only=accepting_only)]

    def over_capacity(self) -> list[Service]:
        return [s for s in self.services if s.over_capacity]

    def duplicities(self) -> list[tuple[Service, Service]]:
        """Pairs of services that may duplicate each other, for the coordinator to judge.

        Two services are a pair when they are of the same type, serve a common area, meet at least one common
        life domain and, when both name target groups, share a target group.
        """
        pairs: list[tuple[Service, Service]] = []
        for i, first in enumerate(self.services):
            if first.service_type == ServiceType.OTHER:
                continue
            for second in self.services[i + 1:]:
                if (
                    second.service_type == first.service_type
                    and set(first.areas) & set(second.areas)
                    and set(first.domains) & set(second.domains)
                    and (not first.target_groups or not second.target_groups
                         or set(first.target_groups) & set(second.target_groups))
                ):
                    pairs.append((first, second))
        return pairs
