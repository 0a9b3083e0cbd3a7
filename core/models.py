"""Abstract bases for the apps' models. `core` has no tables of its own."""

from django.db import models


class ResidentRecord(models.Model):
    """A row residents write by the thousand (a comment, a reaction, a sign-up).

    Wagtail's reference index, behind the admin's "usage" counts, otherwise inspects every model
    with a foreign key on every save: two to four extra queries per comment, none of any use for
    these rows."""

    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True
