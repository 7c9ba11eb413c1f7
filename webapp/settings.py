"""One typed, frozen settings object, read from the environment (prefix ``TG_``)."""

from __future__ import annotations

import re
import secrets
import warnings
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TG_", frozen=True, extra="ignore")

    env: Literal["development", "production", "testing"] = "production"
    secret_key: str = Field(default="", description="signs the session cookie; set in production")
    rules_dir: Path = ROOT / "rules"
    translations_dir: Path = ROOT / "translations"
    static_dir: Path = ROOT / "static"
    languages: tuple[str, ...] = ("da", "en")
    default_language: str = "da"
    accessibility_statement_url: str = "https://www.was.digst.dk/traeningsguiden"
    hsts_seconds: int = 31536000
    max_body_bytes: int = 16 * 1024
    # How long answers and forms stay valid after the last answer. Over 20 hours: WCAG
    # 2.2.1 (Timing Adjustable) lets no shorter limit stand without a way to extend it,
    # and a person may go to find a letter or ask a relative and come back the next day.
    # The cookie itself still goes when the browser is closed.
    session_hours: int = 24
    rate_limit_per_minute: int = 600
    # The site's own address for links people take away (a GP's example link, the
    # handout's QR code), e.g. https://traeningsguiden.dk. Unset: this request's host.
    public_url: str = ""
    # Host names the site answers to (Flask's TRUSTED_HOSTS); others get 400. Unset: any.
    trusted_hosts: tuple[str, ...] = ()

    def flask_config(self) -> dict[str, object]:
        key = self.secret_key
        if not key:
            if self.env == "production":
                raise RuntimeError(
                    "TG_SECRET_KEY is not set. Set it to a long random value, e.g. "
                    "`python -c 'import secrets; print(secrets.token_hex(32))'`."
                )
            if self.env == "development":
                warnings.warn("TG_SECRET_KEY not set: using a random key for this run",
                              stacklevel=2)
            key = secrets.token_hex(32)
        secure = self.env == "production"
        public_url = self.public_url.rstrip("/")
        if public_url and not re.fullmatch(r"https?://[^/?#\s]+", public_url):
            raise RuntimeError(
                f"TG_PUBLIC_URL={self.public_url!r} is not a site address: write the scheme "
                "and host only, e.g. https://traeningsguiden.dk")
        if secure and not public_url:
            warnings.warn("TG_PUBLIC_URL is not set: links people take away use the request's "
                          "Host header, and the shared-page cache keeps a copy per host",
                          stacklevel=2)
        return {
            "SECRET_KEY": key,
            "TESTING": self.env == "testing",
            "MAX_CONTENT_LENGTH": self.max_body_bytes,
            "MAX_FORM_MEMORY_SIZE": self.max_body_bytes,
            "SESSION_COOKIE_NAME": "tg",
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": secure,
            "PERMANENT_SESSION_LIFETIME": self.session_hours * 3600,
            "WTF_CSRF_TIME_LIMIT": self.session_hours * 3600,
            "WTF_CSRF_SSL_STRICT": False,
            "HSTS_SECONDS": self.hsts_seconds if secure else 0,
            "ACCESSIBILITY_STATEMENT_URL": self.accessibility_statement_url,
            "LANGUAGES": self.languages,
            "BABEL_DEFAULT_LOCALE": self.default_language,
            "BABEL_TRANSLATION_DIRECTORIES": str(self.translations_dir),
            "RULES_DIR": str(self.rules_dir),
            "RATE_LIMIT_PER_MINUTE": self.rate_limit_per_minute,
            "SEND_FILE_MAX_AGE_DEFAULT": 0,
            "PUBLIC_URL": public_url,
            "TRUSTED_HOSTS": list(self.trusted_hosts) or None,
        }
