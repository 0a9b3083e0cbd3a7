from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.roles import CITY_EDITORS, DEBATE_MODERATORS


class UserFactory(factory.django.DjangoModelFactory):
    """A resident who has verified their e-mail address, unless `verified=False`. The account
    is a month old (pass `date_joined=timezone.now()` for a brand-new one): only established
    accounts' reports count toward hiding a comment."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"resident{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Resident {n}")
    date_joined = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )
        self.save()

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))


def moderator(**kwargs) -> User:
    """A comment moderator (the role table's "Debate moderators")."""
    return UserFactory(groups=[DEBATE_MODERATORS], **kwargs)


def editor(**kwargs) -> User:
    """One of the city's editors (the role table's "City editors")."""
    return UserFactory(groups=[CITY_EDITORS], **kwargs)
