"""Counting renders of a template, for the tests of what is rendered once and reused
(core/fragments.py)."""

from contextlib import contextmanager

from django.test.signals import template_rendered


@contextmanager
def renders_of(template_name: str):
    """Yields a list that gets one item per render of `template_name` inside the block."""
    seen: list = []

    def count(sender, template, context, **kwargs):
        if template.name == template_name:
            seen.append(template)

    template_rendered.connect(count)
    try:
        yield seen
    finally:
        template_rendered.disconnect(count)
