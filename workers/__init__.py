"""The pipeline's stages as plain, typed functions with no Celery in them.

feeds (poll and parse) -> fetch (safe HTTP) -> extract (trafilatura) -> classify (spaCy) -> alerts.
Only :mod:`fetch` touches the network; :mod:`store` is the one place that talks to Redis.
"""
