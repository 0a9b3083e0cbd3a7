"""Permissions with their reasons.

A permission is a list of conditions, each a django-rules predicate with the reason a person
is refused when it fails. `add_perm` registers their conjunction with django-rules, so
`user.has_perm(...)` keeps working in views, templates, the admin and the socket; a service calls
`require(user, perm, obj)` once and the refusal it raises names the first condition that failed.
The reasons live next to the predicates (adhocracy4 `comments/rules.py`), never re-derived in a
service or a view.
"""

from dataclasses import dataclass
from functools import reduce
from operator import and_

import rules
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError


@dataclass(frozen=True)
class Condition:
    predicate: rules.Predicate
    code: str
    # Lazy, or a function for a message with figures in it: either way it is translated when
    # the refusal is raised, in the active language.
    message: object
    status: int = 403

    def holds(self, user, obj=None) -> bool:
        return bool(self.predicate.test(user, obj))

    def refusal(self) -> ServiceError:
        message = self.message() if callable(self.message) else str(self.message)
        return ServiceError(self.code, message, self.status)


def when(predicate, code: str, message, status: int = 403) -> Condition:
    """`when(has_verified_email, "unverified", _("Confirm ..."))`: the predicate must hold, or
    the person reads the message."""
    return Condition(predicate, code, message, status)


NOT_ALLOWED = Condition(rules.always_false, "not_allowed", _("You cannot do that."), 403)

_CONDITIONS: dict[str, tuple[Condition, ...]] = {}


def add_perm(name: str, *conditions: Condition) -> None:
    """Registers `name` as the conjunction of the conditions' predicates. The order of the
    conditions is the order in which reasons are given: put the most basic first."""
    if not conditions:
        raise ValueError(f"{name}: a permission needs at least one condition")
    predicate = reduce(and_, (c.predicate for c in conditions))
    if rules.perm_exists(name):
        rules.set_perm(name, predicate)
    else:
        rules.add_perm(name, predicate)
    _CONDITIONS[name] = tuple(conditions)


def conditions_of(name: str) -> tuple[Condition, ...]:
    return _CONDITIONS.get(name, ())


def refusal(user, perm: str, obj=None) -> ServiceError | None:
    """None when the user has the permission; otherwise the reason of the first condition that
    does not hold."""
    if user.has_perm(perm, obj):
        return None
    for condition in _CONDITIONS.get(perm, ()):
        if not condition.holds(user, obj):
            return condition.refusal()
    return NOT_ALLOWED.refusal()


def require(user, perm: str, obj=None) -> None:
    """Raises the refusal as a `ServiceError` unless the user has the permission."""
    error = refusal(user, perm, obj)
    if error is not None:
        raise error
