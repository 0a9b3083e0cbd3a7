"""The worker's jobs for debates (huey, notifications/tasks.py): telling people of a new comment
when settings.NOTICES_IN_WORKER hands that to the worker."""

from huey.contrib.djhuey import db_task


@db_task(retries=3, retry_delay=30)
def tell_about_comment(comment_id: int) -> bool:
    """Its parent's author and the debate's followers hear of the comment (as
    services.following does it after commit in the web process); False when it is gone."""
    from django.db import transaction

    from dialogue.models import Comment
    from dialogue.services.following import tell_about_comment as tell

    comment = Comment.objects.select_related("author", "debate").filter(pk=comment_id).first()
    if comment is None:
        return False
    with transaction.atomic():
        tell(comment)
    return True
