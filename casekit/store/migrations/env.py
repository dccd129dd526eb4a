"""Alembic environment for casekit's store.

casekit runs migrations itself when a store is opened (``casekit.store.open_store``), passing its connection
in ``config.attributes["connection"]``. For development, Alembic's command line works too, e.g.::

    alembic -c casekit/store/migrations/alembic.ini -x url=sqlite:///dev.sqlite revision --autogenerate -m "..."

``-x url=`` (else ``sqlalchemy.url``, else ``CASEKIT_DB`` / the default store) names the database.
"""
from __future__ import annotations

from alembic import context

from casekit.store.engine import make_engine, resolve_url
from casekit.store.schema import metadata

config = context.config


def _url():
    return resolve_url(context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url"))


def _configure(**kwargs) -> None:
    context.configure(target_metadata=metadata, compare_type=True, render_as_batch=True, **kwargs)


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
