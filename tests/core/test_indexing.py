"""`core.indexing.deferred_index_updates`: what a bulk load saves is indexed once, at the end,
as it is then; saves after the block are indexed at once again."""

import pytest
from modelsearch import index

from core.indexing import deferred_index_updates
from partnerships.models import Organisation
from tests.partnerships.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def found(word: str) -> list[str]:
    return [organisation.name for organisation in Organisation.objects.search(word)]


@pytest.fixture
def indexed(monkeypatch):
    """The names of the organisations the search index was written for, in order."""
    names = []
    original = index.insert_or_update_object

    def counting(instance):
        if isinstance(instance, Organisation):
            names.append(instance.name)
        return original(instance)

    monkeypatch.setattr(index, "insert_or_update_object", counting)
    return names


def test_an_object_saved_twice_in_the_block_is_indexed_once_as_it_ends(indexed):
    with deferred_index_updates():
        organisation = OrganisationFactory(name="Early Bakery")
        organisation.name = "Late Bakery"
        organisation.save()
        assert indexed == []
        assert found("Bakery") == []
    assert indexed == ["Late Bakery"]
    assert found("Late") == ["Late Bakery"]
    assert found("Early") == []


def test_saves_after_the_block_are_indexed_at_once_again(indexed):
    with deferred_index_updates():
        organisation = OrganisationFactory(name="Early Bakery")
    organisation.name = "Later Bakery"
    organisation.save()
    assert indexed == ["Early Bakery", "Later Bakery"]
    assert found("Later") == ["Later Bakery"]


def test_blocks_nest_and_the_outermost_one_indexes(indexed):
    with deferred_index_updates():
        with deferred_index_updates():
            OrganisationFactory(name="Inner Bakery")
        assert indexed == []
    assert indexed == ["Inner Bakery"]


def test_an_object_deleted_in_the_block_is_not_indexed(indexed):
    with deferred_index_updates():
        OrganisationFactory(name="Gone Bakery").delete()
    assert indexed == []
    assert found("Gone") == []
