"""Data that many tests of a module read, made once: inside a transaction that is rolled back
when the module ends, while each test runs in a savepoint of its own inside it (pytest-django's
`db` fixture nests its atomic blocks in the open one).

`rolled_back_once` goes one step further for data several modules build the same way (the
robustness world: `load_content --demo` and a person in every role): the first module of a test
process builds it and keeps a copy of every table's rows in memory; the next ones put those
rows back in their own transaction (a few hundred milliseconds) instead of building again."""

import copy
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def rolled_back(django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# name -> (the rows of every table, the value `build` returned)
_kept: dict[str, tuple[dict, object]] = {}


@contextmanager
def rolled_back_once(django_db_blocker, name: str, build):
    """`build()` inside a rolled-back transaction, made once per process and `name`: later
    calls restore the rows the first left in every table (and hand out a copy of its value)."""
    with rolled_back(django_db_blocker):
        kept = _kept.get(name)
        if kept is None:
            value = build()
            _kept[name] = (_copy_tables(), copy.deepcopy(value))
        else:
            rows, value = kept
            _restore_tables(rows)
            value = copy.deepcopy(value)
        yield value


def _tables() -> list[str]:
    """Every table to copy. On SQLite not its own tables, nor full-text (FTS5) virtual tables
    and their shadow tables: Wagtail's triggers on the search index fill those as its rows go
    back."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        if connection.vendor != "sqlite":
            return names
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        virtual = {row[0] for row in cursor.fetchall()}
    return [
        name
        for name in names
        if not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(f"{table}_") for table in virtual)
    ]


def _copy_tables() -> dict:
    rows = {}
    with connection.cursor() as cursor:
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as out:
                    rows[table] = b"".join(bytes(part) for part in out)
                continue
            cursor.execute(f"SELECT * FROM {quoted} LIMIT 0")  # noqa: S608 (names from the schema)
            columns = [column[0] for column in cursor.description]
            # `+column`: the stored value as it is (no converter by declared type), so it goes
            # back byte for byte.
            select = ", ".join(f"+{connection.ops.quote_name(c)}" for c in columns)
            cursor.execute(f"SELECT {select} FROM {quoted}")  # noqa: S608
            rows[table] = (columns, cursor.fetchall())
    return rows


def _restore_tables(rows: dict) -> None:
    with connection.cursor() as cursor:
        for table in rows:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608
        for table, data in rows.items():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as into:
                    into.write(data)
                continue
            columns, values = data
            if values:
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                marks = ", ".join("?" * len(columns))
                cursor.cursor.executemany(
                    f"INSERT INTO {quoted} ({names}) VALUES ({marks})",  # noqa: S608
                    values,
                )
        if connection.vendor == "postgresql":
            from django.apps import apps
            from django.core.management.color import no_style

            models = apps.get_models(include_auto_created=True)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
