"""Building blocks for the content loaders (`load_policy` and each app's `load_demo_*`):
find the Danish home page, make a section page once, translate it once, make an example
person once. Each is idempotent, so loaders can run again and change nothing."""

from allauth.account.models import EmailAddress
from wagtail.models import Locale, Page

from accounts.models import User
from home.models import HomePage


def danish_home() -> HomePage | None:
    return HomePage.objects.filter(locale__language_code="da", depth=2).first()


def ensure_child(parent: Page, model: type[Page], **fields) -> Page:
    """The parent's first child of this type, made with `fields` if there is none."""
    existing = model.objects.child_of(parent).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=model(**fields))


def ensure_translation(page: Page, language_code: str, **fields) -> Page | None:
    """The page in another language, copied with Wagtail's translation support once its parent
    is translated; `fields` (title, slug, intro...) replace the copied values."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    if page.get_parent().get_translation_or_none(locale) is None:
        return None
    copy = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        if value is not None:
            setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def example_person(email: str, display_name: str) -> User:
    """A verified account that cannot log in: the author of example content."""
    user, created = User.objects.get_or_create(email=email, defaults={"display_name": display_name})
    if created:
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
