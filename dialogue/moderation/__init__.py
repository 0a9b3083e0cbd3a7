"""Moderation: readers' reports, the queue staff work in the Wagtail admin, their actions and
the audit log. Writes are in `services`, reads in `selectors`, admin screens in `admin_views`."""
