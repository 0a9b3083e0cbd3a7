"""Deleting an account takes the person's name, addresses and phone number out of every table,
hands over what must outlive them and gives their event places to those waiting (issue 11,
"must hold" 5). The privacy page says what stays; the search below finds nothing."""

import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core import mail
from django.db import models
from django.utils import timezone

from accounts.models import User
from accounts.privacy import deleted_account_label
from accounts.services import user_delete, user_export
from dialogue.models import Comment, CommentRevision, ModerationLogEntry, ReactionValue
from dialogue.services import (
    author_warn,
    comment_create,
    comment_edit,
    comment_hide,
    reaction_set,
    report_create,
)
from events.models import Registration, RegistrationStatus
from events.services import registration_create
from partnerships.models import Invitation, Membership, Organisation, ReviewStatus, Role
from partnerships.services import (
    invitation_accept,
    member_invite,
    organisation_register,
    pledge_sign,
)
from tests.dialogue.factories import make_debate
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory, editor, moderator
from tests.partnerships.factories import CommitmentTypeFactory, OrganisationFactory

NAME = "Zofia Quarmby-Lindqvist"
EMAIL = "zofia.quarmby@privat.example"
OLD_EMAIL = "zq-gammel@privat.example"
PHONE = "+45 2288 7733"
TEXT_TYPES = (models.CharField, models.TextField, models.JSONField)


def rows_naming(*needles: str) -> list[str]:
    """Every text, char and JSON column of every table (Django's, Wagtail's, allauth's and
    ours, many-to-many tables included), searched for the needles, case-insensitively."""
    needles = [needle.lower() for needle in needles]
    found = []
    for model in apps.get_models(include_auto_created=True):
        fields = [
            field.attname for field in model._meta.concrete_fields if isinstance(field, TEXT_TYPES)
        ]
        if not fields:
            continue
        for row in model._base_manager.values("pk", *fields).iterator():
            for column in fields:
                value = row[column]
                text = (
                    json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
                )
                for needle in needles:
                    if text and needle in text.lower():
                        found.append(f"{model._meta.db_table}.{column} #{row['pk']}: {needle}")
    return found


def _register(user, name: str, **fields):
    return organisation_register(
        user=user,
        name=name,
        kind="association",
        address="Nørrebrogade 10, 2200 København N",
        district="noerrebro",
        description="Lektiehjælp for børn i kvarteret.",
        contact_name=fields.get("contact_name", NAME),
        contact_email=fields.get("contact_email", EMAIL),
        contact_phone=fields.get("contact_phone", PHONE),
    )


@pytest.fixture
def person(db):
    user = UserFactory(email=EMAIL, display_name=NAME)
    EmailAddress.objects.create(user=user, email=OLD_EMAIL, verified=True, primary=False)
    return user


@pytest.fixture
def everywhere(person, django_capture_on_commit_callbacks):
    """The person acts in every part of the platform and is acted on."""
    other, colleague, stranger_admin = UserFactory(), UserFactory(), UserFactory()
    EmailAddress.objects.filter(user=colleague).update(email="kollega@example.org")
    colleague.email = "kollega@example.org"
    colleague.save()
    staff, reviewer = moderator(), editor()
    with django_capture_on_commit_callbacks(execute=True):
        debate = make_debate()
        comment, _created = comment_create(
            user=person, debate=debate, body=f"Ring til mig på {PHONE}, {NAME}"
        )
        comment = comment_edit(user=person, comment=comment, body="Skriv hellere til mig her.")
        others, _created = comment_create(user=other, debate=debate, body="Jeg er uenig.")
        reaction_set(user=person, comment=others, value=ReactionValue.AGREE)
        report_create(user=person, comment=others, reason="off_topic", text="Hører ikke til.")
        author_warn(
            moderator=staff,
            user=person,
            note=f"{NAME} ({EMAIL}) skrev et telefonnummer.",
            comment=comment,
        )
        comment_hide(moderator=staff, comment=comment, reason="personal_data")

        event = EventPageFactory(capacity=1)
        registration_create(event=event, user=person)
        waiting = registration_create(event=event, user=other)

        shared = _register(person, "Zofias Lektiecafé")
        invitation = member_invite(
            user=person, organisation=shared, email="kollega@example.org", role=Role.MEMBER
        )
        invitation_accept(user=colleague, token=invitation.token)
        pledge_sign(
            user=person,
            organisation=shared,
            signatory_name=NAME,
            signatory_role="Formand",
            commitments=[
                {
                    "commitment_type": CommitmentTypeFactory(),
                    "quantity": 3,
                    "description": "",
                    "target_date": timezone.localdate() + timedelta(days=300),
                }
            ],
        )
        alone = _register(person, "Zofias Strikkeklub")
        elsewhere = OrganisationFactory(admin=stranger_admin, contact_email=OLD_EMAIL)
        member_invite(
            user=stranger_admin, organisation=elsewhere, email=EMAIL.upper(), role=Role.MEMBER
        )
    return {
        "comment": comment,
        "others": others,
        "waiting": waiting,
        "shared": shared,
        "alone": alone,
        "elsewhere": elsewhere,
        "colleague": colleague,
        "stranger_admin": stranger_admin,
        "reviewer": reviewer,
        "other": other,
    }


def test_before_deletion_the_search_finds_the_person(person, everywhere):
    """The search below can fail: it finds the person wherever they acted."""
    found = rows_naming(NAME, EMAIL, OLD_EMAIL, PHONE)
    tables = {hit.split(".")[0] for hit in found}
    assert {
        "accounts_user",
        "account_emailaddress",
        "dialogue_commentrevision",
        "dialogue_moderationlogentry",
        "partnerships_organisation",
        "partnerships_invitation",
        "partnerships_pledge",
        "accounts_notification",
    } <= tables


def test_after_deletion_no_column_of_any_table_names_the_person(
    person, everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    assert rows_naming(NAME, EMAIL, OLD_EMAIL, PHONE) == []


def test_the_moderation_log_names_a_deleted_account_by_one_stable_pseudonym(
    person, everywhere, django_capture_on_commit_callbacks
):
    label = deleted_account_label(person)
    entries = ModerationLogEntry.objects.filter(target_user=person)
    ids = list(entries.values_list("pk", flat=True))
    assert len(ids) == 2

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    targets = list(ModerationLogEntry.objects.filter(pk__in=ids).values_list("target", flat=True))
    assert targets == [f"#{everywhere['comment'].pk} {label}"] * 2
    assert label.startswith("Slettet konto #")
    notes = ModerationLogEntry.objects.filter(pk__in=ids).values_list("note", flat=True)
    assert f"{label} ({label}) skrev et telefonnummer." in notes


def test_earlier_texts_of_a_deleted_authors_comments_are_emptied(
    person, everywhere, django_capture_on_commit_callbacks
):
    comment = everywhere["comment"]
    assert CommentRevision.objects.filter(comment=comment).exclude(body="").exists()

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    comment.refresh_from_db()
    assert comment.author is None
    assert list(CommentRevision.objects.filter(comment=comment).values_list("body", flat=True)) == [
        ""
    ]


def test_a_deleted_accounts_reaction_leaves_the_count(
    person, everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)
    assert Comment.objects.get(pk=everywhere["others"].pk).agree_count == 0


def test_a_deleted_accounts_event_place_goes_to_the_first_person_waiting(
    person, everywhere, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    waiting = Registration.objects.get(pk=everywhere["waiting"].pk)
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox if m.to == [everywhere["other"].email]] == [
        [everywhere["other"].email]
    ]


def test_an_organisation_with_another_member_is_handed_to_them_as_administrator_and_contact(
    person, everywhere, django_capture_on_commit_callbacks
):
    label = deleted_account_label(person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    shared, colleague = everywhere["shared"], everywhere["colleague"]
    shared.refresh_from_db()
    assert Membership.objects.get(organisation=shared).user == colleague
    assert Membership.objects.get(organisation=shared).role == Role.ADMIN
    assert (shared.contact_name, shared.contact_email, shared.contact_phone) == (
        colleague.display_name,
        colleague.email,
        "",
    )
    assert shared.pledges.get().signatory_name == label
    assert any(m.to == [colleague.email] for m in mail.outbox)


def test_an_organisation_left_with_nobody_goes_back_to_the_reviewers(
    person, everywhere, django_capture_on_commit_callbacks
):
    alone = everywhere["alone"]
    Organisation.objects.filter(pk=alone.pk).update(status=ReviewStatus.APPROVED)
    label = deleted_account_label(person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    alone.refresh_from_db()
    assert not alone.memberships.exists()
    assert alone.status == ReviewStatus.PENDING
    assert alone.contact_name == label
    assert any(
        m.to == [everywhere["reviewer"].email] and "Zofias Strikkeklub" in m.subject
        for m in mail.outbox
    )


def test_an_organisation_that_only_gave_the_person_as_contact_gets_its_administrator_instead(
    person, everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    elsewhere, admin = everywhere["elsewhere"], everywhere["stranger_admin"]
    elsewhere.refresh_from_db()
    assert elsewhere.contact_email == admin.email
    assert Membership.objects.get(organisation=elsewhere).user == admin


def test_invitations_to_the_person_go_and_those_they_sent_lose_the_sender(
    person, everywhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=person)

    assert not Invitation.objects.filter(email__iexact=EMAIL).exists()
    sent = Invitation.objects.get(email="kollega@example.org")
    assert sent.invited_by is None
    assert not User.objects.filter(email=EMAIL).exists()


def test_the_export_holds_every_table_that_holds_the_person(person, everywhere):
    data = json.loads(user_export(user=person))

    comment = data["dialogue"]["comments"][0]
    assert comment["body"] == "Skriv hellere til mig her."
    assert [version["body"] for version in comment["earlier_versions"]] == [
        f"Ring til mig på {PHONE}, {NAME}"
    ]
    assert [r["value"] for r in data["dialogue"]["reactions"]] == ["agree"]
    assert [r["reason"] for r in data["dialogue"]["reports"]] == ["off_topic"]
    assert {e["action"] for e in data["dialogue"]["moderation"]} == {"warn", "hide"}
    assert [r["status"] for r in data["event_registrations"]] == ["confirmed"]
    partnerships = data["partnerships"]
    assert {m["organisation"] for m in partnerships["memberships"]} == {
        "Zofias Lektiecafé",
        "Zofias Strikkeklub",
    }
    assert len(partnerships["organisations_registered_or_contact"]) == 3
    assert [i["email"] for i in partnerships["invitations_sent"]] == ["kollega@example.org"]
    assert [i["email"] for i in partnerships["invitations_received"]] == [EMAIL.upper()]
    assert [p["signatory_name"] for p in partnerships["pledges_signed"]] == [NAME]
    assert {a["email"] for a in data["email_addresses"]} == {EMAIL, OLD_EMAIL}
    assert data["two_factor_authentication"] == []
    assert {n["kind"] for n in data["notifications"]} >= {"author_warned"}


def test_the_export_says_that_two_factor_keys_exist_but_not_what_they_are(person):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    exported = user_export(user=person)
    assert json.loads(exported)["two_factor_authentication"][0]["type"] == "totp"
    assert "JBSWY3DPEHPK3PXP" not in exported


def test_the_privacy_page_says_what_a_deletion_keeps(client, db):
    page = client.get("/en/privatliv/").content.decode()
    assert "When you delete your account" in page
    assert "names you only as “Deleted account” with a number" in page
    assert "Apart from what you wrote yourself in comments and reports" in page
