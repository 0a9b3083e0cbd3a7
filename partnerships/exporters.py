"""What the partnerships hold about one person, for their data export (GDPR articles 15 and
20): the organisations they act for, those that give them as contact person, the invitations
they sent or were sent, and the pledges and reports they signed or submitted."""

from django.db.models import Q

from accounts.privacy import address_query, email_addresses


def export_partnerships(user) -> dict:
    from partnerships.models import Invitation, Membership, Organisation, Pledge, YearlyReport

    addresses = email_addresses(user)
    return {
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "joined_at": m.joined_at}
            for m in Membership.objects.filter(user=user)
            .select_related("organisation")
            .order_by("joined_at", "pk")
        ],
        "organisations_registered_or_contact": [
            {
                "organisation": organisation.name,
                "registered_by_you": organisation.created_by_id == user.pk,
                "contact_name": organisation.contact_name,
                "contact_email": organisation.contact_email,
                "contact_phone": organisation.contact_phone,
            }
            for organisation in Organisation.objects.filter(
                Q(created_by=user) | address_query("contact_email", addresses)
            )
            .distinct()
            .order_by("pk")
        ],
        "invitations_sent": [
            {
                "organisation": invitation.organisation.name,
                "email": invitation.email,
                "role": invitation.role,
                "sent_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in Invitation.objects.filter(invited_by=user)
            .select_related("organisation")
            .order_by("pk")
        ],
        "invitations_received": [
            {
                "organisation": invitation.organisation.name,
                "email": invitation.email,
                "role": invitation.role,
                "sent_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in Invitation.objects.filter(
                Q(accepted_by=user) | address_query("email", addresses)
            )
            .select_related("organisation")
            .distinct()
            .order_by("pk")
        ],
        "pledges_signed": [
            {
                "organisation": pledge.organisation.name,
                "signatory_name": pledge.signatory_name,
                "signatory_role": pledge.signatory_role,
                "signed_on": pledge.signed_on,
            }
            for pledge in Pledge.objects.filter(signed_by=user)
            .select_related("organisation")
            .order_by("pk")
        ],
        "yearly_reports_submitted": [
            {"organisation": report.pledge.organisation.name, "year": report.year}
            for report in YearlyReport.objects.filter(submitted_by=user)
            .select_related("pledge__organisation")
            .order_by("pk")
        ],
    }
