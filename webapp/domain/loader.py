"""Read and validate the rules files once, at start-up.

A broken file stops start-up with ``RulesError``: the file, the field path and what was
expected. Adding ``rules/municipalities/<slug>.yaml`` is all it takes to add a municipality.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .conditions import RULES
from .rules import Municipalities, Municipality, MunicipalRules, NationalRules, OfferRules
from .vocabulary import CONTENT

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RulesError(Exception):
    """A rules file that cannot be used; the message names file, field and expectation."""


def slugify(name: str) -> str:
    """ASSESSMENT.md §6: lower-case ASCII, æ→ae, ø→oe, å→aa, spaces→'-'. Any Unicode form
    ("å" as one character or as "a" and a ring), any run of spaces, and a full stop at the
    end give the same slug; so does the word "Kommune" after the name ("Nyborg Kommune",
    "nyborg-kommune" in an address; not the end of "Regionskommune")."""
    text = " ".join(unicodedata.normalize("NFC", name).lower().split()).rstrip(".")
    if text.endswith("kommune"):  # not a regex: "[\s-]+kommune$" is tried at every space
        head = text.removesuffix("kommune")  # and hyphen, so it took quadratic time
        if head.rstrip(" -") != head:
            text = head.rstrip(" -")
    text = text.strip()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(text.replace(".", " ").split())


_LONGEST_KEY = 100  # characters: the longest name, "Ringkøbing-Skjern Kommune", is 25
_LONGEST_GUESS = 40  # characters of an address worth comparing with the names


def loose_key(slug: str) -> str:
    """A slug as someone writes it without æ, ø and å: "bronderslev", "kobenhavn",
    "arhus" (ø→o, å→a, æ→e; the 98 slugs stay apart)."""
    return slug.replace("oe", "o").replace("aa", "a").replace("ae", "e")


_ALPHABET = {letter: place for place, letter in enumerate("abcdefghijklmnopqrstuvwxyzæøå", 1)}
_SORTS_AS = (("aa", "å"), ("ä", "æ"), ("ö", "ø"), ("ü", "y"))


def danish_sort_key(name: str) -> tuple[int, ...]:
    """Danish alphabetical order (Retskrivningsordbogen): Æ, Ø, Å after Z, "aa" as Å
    (Aabenraa, Aalborg and Aarhus come last, Høje-Taastrup after Hvidovre), ä/ö/ü as
    æ/ø/y and other accents ignored; a space or hyphen before any letter."""
    text = unicodedata.normalize("NFC", name).lower()
    for a, b in _SORTS_AS:
        text = text.replace(a, b)
    key = []
    for char in text:
        place = _ALPHABET.get(char)
        if place is None:
            place = _ALPHABET.get(unicodedata.normalize("NFD", char)[0], 0)
        key.append(place)
    return tuple(key)


@dataclass(frozen=True, eq=False)
class RuleBook:
    """Everything the assessment needs, validated. Hashed by identity (it is loaded once)."""

    national: NationalRules
    municipalities: dict[str, Municipality]  # every municipality, by slug
    standards: dict[str, MunicipalRules]  # those with a loaded standard, by slug
    by_code: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # slugify(full name) -> slug
    by_loose: dict[str, str] = field(default_factory=dict)  # loose_key(slug) -> slug

    def find(self, key: str, loose: bool = False) -> Municipality | None:
        """A municipality by slug, kommunekode ("101", also "0101") or name as people
        write it ("København", "Københavns Kommune", "Brønderslev"); ``loose``: also
        written without æ, ø and å ("bronderslev"), as in a typed address."""
        key = key.strip()
        if len(key) > _LONGEST_KEY:
            return None
        if key.isascii() and key.isdigit():
            return self.municipalities.get(self.by_code.get(key.lstrip("0").zfill(3), ""))
        slug = slugify(key)
        found = self.municipalities.get(key.lower()) or self.municipalities.get(slug)
        # "Nordfyn" for Nordfyns Kommune (slug nordfyns), as people say it
        found = (found or self.municipalities.get(self.by_name.get(slug, ""))
                 or self.municipalities.get(slug + "s"))
        if found is None and loose:
            found = self.municipalities.get(self.by_loose.get(loose_key(slug), ""))
            inner = slug.removesuffix("kommune")  # "nyborgkommune", once
            if found is None and inner != slug and inner and not inner.endswith("kommune"):
                found = self.find(inner, loose=True)
        return found

    def closest(self, key: str) -> Municipality | None:
        """The municipality a mistyped name most likely means ("frederecia"), or None:
        for a "Mente du …?" on the page that says an address does not exist."""
        if not key or len(key) > _LONGEST_GUESS:
            return None
        guess = difflib.get_close_matches(loose_key(slugify(key)), list(self.by_loose), n=1,
                                          cutoff=0.75)
        return self.municipalities[self.by_loose[guess[0]]] if guess else None


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    except OSError as exc:
        raise RulesError(f"{path}: cannot be read: {exc}") from exc


def _explain(path: Path, exc: ValidationError) -> RulesError:
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"{path}: {where}: {err['msg']}")
    return RulesError("\n".join(lines))


def _check_offer(path: Path, where: str, offer: OfferRules) -> list[str]:
    problems = []
    for i, cond in enumerate(offer.conditions):
        rule = RULES.get(cond.rule)
        at = f"{path}: {where}.conditions.{i}.rule"
        if rule is None:
            problems.append(f"{at}: unknown rule {cond.rule!r}; expected one of {sorted(RULES)}")
        elif rule.needs_value and cond.value is None:
            problems.append(f"{at}: rule {cond.rule!r} needs a value")
    if offer.content:
        for part in ("included", "not_included"):
            for code in getattr(offer.content, part):
                if code not in CONTENT:
                    problems.append(
                        f"{path}: {where}.content.{part}: unknown code {code!r}; "
                        f"add it to webapp/domain/vocabulary.py"
                    )
    return problems


def load_national(path: Path) -> NationalRules:
    try:
        national = NationalRules.model_validate(_read(path))
    except ValidationError as exc:
        raise _explain(path, exc) from None
    problems = [
        p
        for oid, offer in national.offers.items()
        for p in _check_offer(path, f"offers.{oid}", offer)
    ]
    for oid, offer in national.offers.items():
        for c in offer.complaints:
            if c.body not in national.bodies:
                problems.append(f"{path}: offers.{oid}.complaints: unknown body {c.body!r}")
    if problems:
        raise RulesError("\n".join(problems))
    return national


def load_standard(path: Path, national: NationalRules) -> MunicipalRules:
    try:
        rules = MunicipalRules.model_validate(_read(path))
    except ValidationError as exc:
        raise _explain(path, exc) from None
    problems = []
    if rules.municipality.slug != path.stem:
        problems.append(
            f"{path}: municipality.slug: {rules.municipality.slug!r} must match the file name"
        )
    for oid, offer in rules.offers.items():
        problems += _check_offer(path, f"offers.{oid}", offer)
        for c in offer.complaints:
            if not c.body.startswith("unit:") and c.body not in national.bodies:
                problems.append(f"{path}: offers.{oid}.complaints: unknown body {c.body!r}")
    if problems:
        raise RulesError("\n".join(problems))
    return rules


def load_rules(directory: Path = RULES_DIR) -> RuleBook:
    national = load_national(directory / "national.yaml")
    index_path = directory / "municipalities.yaml"
    everyone: dict[str, Municipality] = {}
    if index_path.exists():
        try:
            index = Municipalities.model_validate(_read(index_path))
        except ValidationError as exc:
            raise _explain(index_path, exc) from None
        everyone = {m.slug: m for m in index.municipalities}
    standards: dict[str, MunicipalRules] = {}
    for path in sorted((directory / "municipalities").glob("*.yaml")):
        rules = load_standard(path, national)
        known = everyone.get(rules.municipality.slug)
        if known and known.code != rules.municipality.code:
            raise RulesError(
                f"{path}: municipality.code: {rules.municipality.code!r} differs from "
                f"{known.code!r} in {index_path.name}"
            )
        standards[rules.municipality.slug] = rules
        everyone[rules.municipality.slug] = known or rules.municipality
    loose = {loose_key(slug): slug for slug in everyone}
    if len(loose) < len(everyone):
        raise RulesError("two municipalities' slugs read alike without æ, ø and å "
                         "(loader.loose_key): an address could not tell them apart")
    return RuleBook(
        national=national,
        # in the order a Dane looks for them: the start form, /fagperson, the API
        municipalities=dict(sorted(everyone.items(), key=lambda i: danish_sort_key(i[1].name))),
        standards=standards,
        by_code={m.code: slug for slug, m in everyone.items()},
        by_name={slugify(m.name): slug for slug, m in everyone.items()},
        by_loose=loose,
    )
