"""The assessment core: pure Python, no Flask.

Views, templates and the API call into this package; it never imports Flask and never
renders text for one page. Human-readable texts leave it as message ids (marked with
``N_``) plus parameters, so every face of the product translates them the same way.
"""
