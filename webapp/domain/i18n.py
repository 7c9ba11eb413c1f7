"""Marking texts for translation without importing Flask.

The domain returns message ids; the web layer translates them with gettext. ``N_`` only
marks a string for extraction (pybabel's keyword list includes it).
"""


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    return message
