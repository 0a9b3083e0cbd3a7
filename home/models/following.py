"""Pages readers can follow (notifications/topics.py): a debate, a main goal, a focus area, an
action plan. The topic is the page's translation key, so following one language's page follows
every translation of it."""

from notifications.topics import page_topic


class FollowableMixin:
    """For a page type readers may follow: the follow button on its template reads
    `page.follow_topic`."""

    followable = True

    @property
    def follow_topic(self) -> str:
        return page_topic(self)
