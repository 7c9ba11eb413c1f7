from __future__ import annotations

import pytest

from webapp import create_app


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": True, "RATE_LIMIT_PER_MINUTE": 10**9})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def book(app):
    return app.extensions["rules"]
