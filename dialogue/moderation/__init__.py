"""Moderation in the Wagtail admin: the queue, one comment with its thread and the actions,
the audit log and debate states. Only screens live here: `admin_views`, their `forms` and the
reads behind them (`selectors`). Every write is in `dialogue.services` (`moderation`,
`reports`, `debates`)."""
