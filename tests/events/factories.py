"""Events for tests: a published event page under the Danish events index."""

from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Badge, BadgeKind
from events.models import Districts, EventIndexPage, EventKind, EventPage
from home.models import HomePage
from tests.factories import UserFactory


def event_index(language: str = "da") -> EventIndexPage:
    locale = Locale.objects.get(language_code=language)
    home = HomePage.objects.filter(locale=locale).first()
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(title="Arrangementer", slug="arrangementer", locale=locale)
        )
    return index


class EventPageFactory(factory.Factory):
    """Builds an EventPage and publishes it under the index (Wagtail pages need add_child)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Fællesspisning {n}")
    kind = EventKind.MEET_UP
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    venue = "Beboerhuset"
    address = "Mjølnerparken 110, 2200 København N"
    district = Districts.NOERREBRO
    capacity = 10

    @classmethod
    def _create(cls, model_class, *args, live=True, **kwargs):
        event = model_class(*args, **kwargs)
        event_index().add_child(instance=event)
        if live:
            event.save_revision().publish()
        else:
            EventPage.objects.filter(pk=event.pk).update(live=False)
            event.live = False
        return event


def partner(**kwargs):
    user = UserFactory(**kwargs)
    Badge.objects.create(user=user, kind=BadgeKind.PARTNER, note="Boligforeningen")
    return user


def organisation(status: str = "approved", members=(), name: str = "Lektiehjælpen"):
    """A partner organisation from the partnerships register, with its members."""
    from partnerships.models import Membership, Organisation

    org = Organisation.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        kind="association",
        address="Nørrebrogade 1, 2200 København N",
        district="noerrebro",
        description="En forening.",
        contact_name="Kontakt",
        contact_email="kontakt@example.org",
        contact_phone="12345678",
        status=status,
    )
    for user in members:
        Membership.objects.create(organisation=org, user=user)
    return org
