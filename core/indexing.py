"""Search-index and reference-index updates held back until a bulk load is done.

Every save of an indexed model (a page, its revision, an indicator row) queues a task that
re-indexes the object: the search index (modelsearch) and Wagtail's reference index. A content
loader saves each page several times over (created, revised, published, translated, published
again), so most of those tasks index a state that the next save replaces: `load_content --demo`
ran about 500 search-index and 470 reference-index tasks, a third of its time.

Inside `deferred_index_updates()` the same tasks are collected instead, each (task, object) once,
and queued when the block ends, in the order their objects were first saved. Each then indexes
the object as it is at the end, which is what the last of the skipped tasks would have indexed,
except that a `QuerySet.update()` made after the last save is now indexed too (the demo loader
closes a debate that way, so its conclusion is now found by the site search).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager, nullcontext

from django.apps import apps
from django.db import connection
from django.db.models.signals import post_save

_state = threading.local()


def _indexed_models() -> list[type]:
    from modelsearch import index

    return [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]


@contextmanager
def deferred_index_updates():
    """Hold back the index tasks of every save in the block (this thread only) and queue each
    distinct one once at the end. Blocks nest; the outermost one queues."""
    if getattr(_state, "pending", None) is not None:
        yield
        return

    from modelsearch.signal_handlers import post_save_signal_handler
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import (
        disable_reference_index_auto_update,
        reference_index_auto_update_disabled,
    )
    from wagtail.tasks import update_reference_index_task

    pending: dict[tuple, None] = {}  # (task, app_label, model_name, pk), first save first
    # The models whose saves modelsearch indexes right now (only these are held back and later
    # connected again).
    searched = {
        model
        for model in _indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    }
    references_on = not getattr(reference_index_auto_update_disabled, "value", False)
    referenced = set(ReferenceIndex.tracked_models) if references_on else set()
    owner = threading.get_ident()

    def remember(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if threading.get_ident() != owner:  # another thread's save: as without this block
            if sender in searched:
                post_save_signal_handler(instance, raw=raw, **kwargs)
            return
        key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if sender in searched:
            pending.setdefault((insert_or_update_object_task, *key), None)
        if sender in referenced:
            pending.setdefault((update_reference_index_task, *key), None)

    post_save.connect(remember, weak=False)
    _state.pending = pending
    succeeded = False
    try:
        with disable_reference_index_auto_update() if references_on else nullcontext():
            yield
        succeeded = True
    finally:
        _state.pending = None
        post_save.disconnect(remember)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
        # After an error inside a transaction the saves are rolled back with it; without one
        # they are kept, and so must their index entries be.
        if succeeded or not connection.in_atomic_block:
            _queue(pending)


def _queue(pending: dict[tuple, None]) -> None:
    for task, app_label, model_name, pk in pending:
        model = apps.get_model(app_label, model_name)
        if model.objects.filter(pk=pk).exists():  # not deleted since
            task.enqueue(app_label, model_name, pk)
