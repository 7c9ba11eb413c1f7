"""Træningsguiden: the app factory."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from .routing import MunicipalityConverter, Site, canonical_address, one_of, return_query
from .settings import Settings


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings (tests pass ``{"TESTING": True}``)."""
    config = dict(config or {})
    settings = Settings()
    if config.get("TESTING"):
        settings = settings.model_copy(update={"env": "testing"})
    app = Site(
        __name__,
        static_folder=str(settings.static_dir),
        static_url_path="/static",
    )
    app.config.update(settings.flask_config())
    app.config.update(config)

    from . import assets, compression, errors, i18n, pagecache, security, speedups
    from .domain.loader import load_rules

    app.extensions["rules"] = load_rules(Path(app.config["RULES_DIR"]))
    app.jinja_env.undefined = _strict_undefined()
    from . import texts

    app.jinja_env.globals["texts"] = texts
    app.jinja_env.filters["law_label"] = texts.law_label
    from .questionnaire.present import offer_facts

    app.jinja_env.globals["offer_facts"] = offer_facts
    from .context import public_link

    app.jinja_env.globals["public_link"] = public_link
    app.jinja_env.globals["return_query"] = return_query
    speedups.install()
    i18n.init_app(app)
    compression.init_app(app)  # before security: its after_request hook runs last
    security.init_app(app)
    app.before_request(canonical_address)
    pagecache.init_app(app)  # after security: replaces Flask-WTF's csrf_token global
    assets.init_app(app)
    errors.init_app(app)

    app.url_map.strict_slashes = False  # /herlev/ is /herlev
    # No redirect for "//" in a path: werkzeug's 308 has an English page and a Location
    # built from the Host header; such a path is simply not found.
    app.url_map.merge_slashes = False
    app.url_map.converters["municipality"] = MunicipalityConverter
    from .domain.rules import OFFER_IDS
    from .questionnaire.catalogue import QUESTIONS

    app.url_map.converters["question"] = one_of(QUESTIONS)
    app.url_map.converters["offer"] = one_of(OFFER_IDS)
    from .api import bp as api_bp
    from .extras import bp as extras_bp
    from .pages import bp as pages_bp
    from .questionnaire import bp as questionnaire_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(questionnaire_bp)
    app.register_blueprint(extras_bp)
    app.register_blueprint(pages_bp)
    _register_cli(app)
    return app


def _strict_undefined() -> type:
    from jinja2 import StrictUndefined

    return StrictUndefined


def _register_cli(app: Flask) -> None:
    import click

    from .domain.loader import RulesError, load_rules

    @app.cli.group()
    def rules() -> None:
        """Rules data commands."""

    @rules.command("check")
    def check() -> None:
        """Validate every rules file and print a summary line per municipality."""
        try:
            book = load_rules(Path(app.config["RULES_DIR"]))
        except RulesError as exc:
            raise click.ClickException(str(exc)) from exc
        for slug, std in book.standards.items():
            goals = sum(len(o.service_goals) for o in std.offers.values())
            conds = sum(len(o.conditions) for o in std.offers.values())
            approved = std.standard.approved.isoformat() if std.standard.approved else "no date"
            click.echo(
                f"{slug:14} {std.municipality.code}  offers: {', '.join(std.offers):40} "
                f"conditions: {conds:2}  service goals: {goals:2}  units: {len(std.units)}  "
                f"approved: {approved}"
            )
        click.echo(
            f"OK: national baseline ({len(book.national.offers)} offers), "
            f"{len(book.standards)} standards, {len(book.municipalities)} municipalities"
        )
