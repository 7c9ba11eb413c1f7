"""Languages: Danish (the source language of every msgid) and English.

Locale comes from ``?lang=``, then the choice remembered for the visit (session), then
``Accept-Language``. Start-up fails when a configured locale has no compiled catalog
(Danish is the source language and needs none).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

from babel import Locale as BabelLocale
from babel.dates import parse_pattern
from babel.numbers import format_decimal
from flask import Flask, request, session, url_for
from flask_babel import get_locale
from flask_wtf import FlaskForm

from .context import keeps_no_state
from .domain.i18n import N_
from .speedups import CachingBabel, gettext, install_jinja

SOURCE_LANGUAGE = "da"
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


def select_locale() -> str:
    languages: tuple[str, ...] = current_languages()
    asked = asked_language()
    if asked in languages:
        return asked
    remembered = session.get("lang")
    if remembered in languages:
        return str(remembered)
    best = request.accept_languages.best_match(languages)
    return best or SOURCE_LANGUAGE


def asked_language() -> str | None:
    """``?lang=`` (looked for first: werkzeug's ``.get`` raises and catches when absent)."""
    return request.args.get("lang") if "lang" in request.args else None


def current_languages() -> tuple[str, ...]:
    from flask import current_app

    return tuple(current_app.config["LANGUAGES"])


def validate_catalogs(app: Flask) -> None:
    directory = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    for lang in app.config["LANGUAGES"]:
        if lang == SOURCE_LANGUAGE:
            continue
        mo = directory / lang / "LC_MESSAGES" / "messages.mo"
        if not mo.exists():
            raise RuntimeError(
                f"Locale {lang!r} is configured but {mo} is missing. Run `make translations`."
            )


def locale_name() -> str:
    """'da' or 'en' (our languages have no territory, so the language is the whole name)."""
    locale = get_locale()
    return str(locale.language) if locale is not None else SOURCE_LANGUAGE


# --------------------------------------------------------------------------- formatting


# Babel parses a locale name and a date pattern on every call; parsed once here, the
# result pages' dozen dates cost a tenth (bench/). Output is unchanged.
_DATE_PATTERNS = {
    ("da", "long"): (BabelLocale.parse("da"), parse_pattern("EEEE 'den' d. MMMM y")),
    ("da", "short"): (BabelLocale.parse("da"), parse_pattern("d. MMMM y")),
    ("en", "long"): (BabelLocale.parse("en_GB"), parse_pattern("EEEE d MMMM y")),
    ("en", "short"): (BabelLocale.parse("en_GB"), parse_pattern("d MMMM y")),
}


def _format_date(day: date, length: str) -> str:
    locale, pattern = _DATE_PATTERNS["da" if locale_name() == "da" else "en", length]
    return str(pattern.apply(day, locale))


def format_long_date(day: date) -> str:
    """'fredag den 3. april 2026' / 'Friday 3 April 2026'."""
    return _format_date(day, "long")


def format_short_date(day: date) -> str:
    """'3. april 2026' / '3 April 2026'."""
    return _format_date(day, "short")


def format_time(hhmm: str) -> str:
    """'kl. 9.30' / '9:30' from '09:30'."""
    hours, minutes = hhmm.split(":")
    if locale_name() == "da":
        return f"kl. {int(hours)}.{minutes}"
    return f"{int(hours)}:{minutes}"


def format_clock(hhmm: str) -> str:
    """'9.30' / '9:30' (without 'kl.', for spans like 'kl. 8.00-9.00')."""
    hours, minutes = hhmm.split(":")
    sep = "." if locale_name() == "da" else ":"
    return f"{int(hours)}{sep}{minutes}"


def format_amount(amount: float) -> str:
    """'25 kr.' / 'DKK 25'; with øre '25,50 kr.' / 'DKK 25.50'."""
    loc = "da" if locale_name() == "da" else "en_GB"
    number = format_decimal(amount, format="#,##0.00" if amount % 1 else "#,##0", locale=loc)
    return f"{number} kr." if locale_name() == "da" else f"DKK {number}"


def format_phone(number: str) -> str:
    return " ".join(number[i : i + 2] for i in range(0, len(number), 2))


# --------------------------------------------------------------------------- WTForms

# WTForms' own messages (e.g. "Not a valid integer value." when letters are typed where a
# number belongs, or "Not a valid choice." for a tampered radio value). WTForms ships no
# Danish catalog, so Flask-WTF's WTF_I18N_ENABLED would show them in English on Danish
# pages. Our forms pass their own message to every validator; these cover what WTForms
# says by itself, through our catalog (Danish msgids, English in translations/en). A
# message not listed gets the general one, so English never reaches a Danish page.
WTFORMS_MESSAGES: dict[str, str] = {
    "Not a valid integer value.": N_("Skriv et helt tal, fx 72."),
    "Not a valid decimal value.": N_("Skriv et tal, fx 72."),
    "Not a valid float value.": N_("Skriv et tal, fx 72."),
    "Not a valid choice.": N_("Vælg et af svarene."),
    "Invalid Choice: could not coerce.": N_("Vælg et af svarene."),
    "'%(value)s' is not a valid choice for this field.": N_("Vælg kun blandt svarene på listen."),
    "'%(value)s' are not valid choices for this field.": N_("Vælg kun blandt svarene på listen."),
    "This field is required.": N_("Svar på spørgsmålet."),
    "Not a valid date value.": N_("Skriv en dato, der findes."),
}
WTFORMS_FALLBACK = N_("Tjek svaret, og prøv igen.")


class WTFormsMessages:
    """The translations object WTForms asks for its built-in messages."""

    def gettext(self, string: str) -> str:
        return gettext(WTFORMS_MESSAGES.get(string, WTFORMS_FALLBACK))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return gettext(WTFORMS_MESSAGES.get(singular if n == 1 else plural, WTFORMS_FALLBACK))


WTFORMS_TRANSLATIONS = WTFormsMessages()


class TranslatedForm(FlaskForm):
    """Base for every form: WTForms' built-in messages in the person's language."""

    class Meta:
        def get_translations(self, form: object) -> WTFormsMessages:
            return WTFORMS_TRANSLATIONS


# --------------------------------------------------------------------------- app wiring


def lang_switch_url() -> str:
    """The same page in the other language, answers kept (they live in the session).

    Built from the address as it was asked for (path and query, ``lang`` replaced), not
    through ``url_for``: whatever a visitor puts in the query string (``?slug=``,
    ``?endpoint=``, ``?_external=``) stays a query parameter and cannot change the link's
    target or break the page. A form posted to an address that has no page of its own
    links to the start page.
    """
    other = other_locale()
    rule = request.url_rule
    if request.method != "GET" and rule is not None and "GET" not in (rule.methods or ()):
        return url_for("pages.start", lang=other)
    query = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    query.append(("lang", other))
    return quote(request.script_root + request.path) + "?" + urlencode(query)


def other_locale() -> str:
    languages = current_languages()
    here = locale_name()
    return next((lang for lang in languages if lang != here), here)


def init_app(app: Flask) -> None:
    validate_catalogs(app)
    # Babel, faster (see speedups.py); the selector hands Flask-Babel a parsed Locale, which
    # it would otherwise parse from the name on every request.
    parsed = {lang: BabelLocale.parse(lang) for lang in app.config["LANGUAGES"]}

    def parsed_locale() -> BabelLocale | str:
        chosen = select_locale()
        return parsed.get(chosen) or chosen

    CachingBabel(app, locale_selector=parsed_locale)
    install_jinja(app.jinja_env)  # after Babel, which installs the slower equivalents

    @app.before_request
    def remember_language() -> None:
        if keeps_no_state():  # the API and files: no cookie is set
            return
        asked = asked_language()
        if asked in app.config["LANGUAGES"] and session.get("lang") != asked:
            session["lang"] = asked

    @app.context_processor
    def language_context() -> dict[str, object]:
        other = other_locale()
        return {
            "current_locale": locale_name(),
            "other_locale": other,
            "other_locale_name": LANGUAGE_NAMES.get(other, other),
            "lang_switch_url": lang_switch_url,
        }

    app.jinja_env.filters["long_date"] = format_long_date
    app.jinja_env.filters["short_date"] = format_short_date
    app.jinja_env.filters["time"] = format_time
    app.jinja_env.filters["clock"] = format_clock
    app.jinja_env.filters["amount"] = format_amount
    app.jinja_env.filters["phone"] = format_phone
