"""A broken rules file stops start-up with the file, the field path and what was expected."""

import shutil
from pathlib import Path

import pytest
import yaml

from webapp.domain.loader import RULES_DIR, RulesError, danish_sort_key, load_rules, slugify


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_real_rules_load():
    book = load_rules()
    assert set(book.standards) == {"broenderslev", "fredensborg", "fredericia", "herlev", "nyborg"}
    assert len(book.municipalities) == 98
    assert book.find("810").slug == "broenderslev"


def test_a_typo_in_a_key_names_file_and_field(rules_copy):
    path = rules_copy / "municipalities" / "nyborg.yaml"
    edit(path, lambda d: d["offers"]["sul-140"].update({"servise_goals": []}))
    with pytest.raises(RulesError) as exc:
        load_rules(rules_copy)
    message = str(exc.value)
    assert "nyborg.yaml" in message and "offers.sul-140.servise_goals" in message
    assert "Extra inputs are not permitted" in message


def test_a_wrong_value_says_what_was_expected(rules_copy):
    path = rules_copy / "municipalities" / "broenderslev.yaml"
    edit(path, lambda d: d["offers"]["sel-86-1"]["obligations"]["cancel"].update({"time": "25:00"}))
    with pytest.raises(RulesError, match=r"broenderslev.yaml: offers.sel-86-1.obligations.cancel.time: .*HH:MM"):
        load_rules(rules_copy)


def test_an_unknown_condition_rule_is_rejected(rules_copy):
    path = rules_copy / "municipalities" / "herlev.yaml"
    edit(path, lambda d: d["offers"]["sel-86-1"]["conditions"].append(
        {"rule": "likes_cake", "source": "nowhere"}))
    with pytest.raises(RulesError, match=r"herlev.yaml: offers.sel-86-1.conditions.\d+.rule: unknown rule 'likes_cake'"):
        load_rules(rules_copy)


def test_an_unknown_unit_is_rejected(rules_copy):
    path = rules_copy / "municipalities" / "fredensborg.yaml"
    edit(path, lambda d: d["offers"]["sel-86-1"]["apply"].update({"unit": "nowhere"}))
    with pytest.raises(RulesError, match="unknown unit 'nowhere'"):
        load_rules(rules_copy)


def test_slug_must_match_file_name(rules_copy):
    src = rules_copy / "municipalities" / "nyborg.yaml"
    src.rename(rules_copy / "municipalities" / "odense.yaml")
    with pytest.raises(RulesError, match="must match the file name"):
        load_rules(rules_copy)


def test_broken_yaml(rules_copy):
    (rules_copy / "municipalities" / "nyborg.yaml").write_text("offers: [unclosed", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules(rules_copy)


@pytest.mark.parametrize(("name", "slug"), [("Brønderslev Kommune", "broenderslev"),
                                            ("Lyngby-Taarbæk Kommune", "lyngby-taarbaek"),
                                            ("Ærø Kommune", "aeroe"),
                                            ("Høje-Taastrup Kommune", "hoeje-taastrup")])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_municipalities_are_in_danish_alphabetical_order():
    """As a Dane looks for them in the start form and on /fagperson: Æ, Ø, Å after Z and
    "aa" as Å (a usability test found Ærø between Aarhus and Albertslund)."""
    names = [m.name.removesuffix(" Kommune") for m in load_rules().municipalities.values()]
    assert names[0] == "Albertslund"
    assert names[-4:] == ["Ærø", "Aabenraa", "Aalborg", "Aarhus"]
    assert names.index("Hvidovre") < names.index("Høje-Taastrup") < names.index("Hørsholm")
    assert names.index("Rudersdal") < names.index("Rødovre")
    assert names.index("Faaborg-Midtfyn") > names.index("Fredericia")  # Få… after Fr…
    assert danish_sort_key("Åbo") == danish_sort_key("Aabo")
    assert danish_sort_key("Müller") == danish_sort_key("Myller")


def test_slugs_that_read_alike_without_the_danish_letters_stop_start_up(rules_copy):
    """/broenderslev is also found as /bronderslev (loader.loose_key): a municipality whose
    slug read the same would make that address ambiguous."""
    path = rules_copy / "municipalities.yaml"
    edit(path, lambda d: d["municipalities"].append(
        {"slug": "bronderslev", "code": "999", "name": "Bronderslev Kommune",
         "region": "Region Nordjylland"}))
    with pytest.raises(RulesError, match="read alike without æ, ø and å"):
        load_rules(rules_copy)


@pytest.mark.parametrize(("typed", "meant"), [
    ("frederecia", "fredericia"), ("hilerod", "hilleroed"), ("Nybrg", "nyborg"),
    ("kobenhaven", "koebenhavn"),
])
def test_closest_names_the_municipality_a_misspelling_means(typed, meant):
    assert load_rules().closest(typed).slug == meant


@pytest.mark.parametrize("typed", ["", "om", "fagperson", "kommune", "fredericia" * 5])
def test_closest_guesses_nothing_for_what_is_no_name(typed):
    assert load_rules().closest(typed) is None


def test_find_reads_kommune_as_a_word_not_the_end_of_regionskommune():
    book = load_rules()
    assert slugify("Nyborg Kommune") == slugify("nyborg-kommune") == "nyborg"
    assert slugify("Bornholms Regionskommune") == "bornholms-regionskommune"
    assert book.find("nyborgkommune") is None
    assert book.find("nyborgkommune", loose=True).slug == "nyborg"
    assert book.find("bronderslev") is None
    assert book.find("bronderslev", loose=True).slug == "broenderslev"
