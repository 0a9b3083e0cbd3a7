"""What a session's screens receive: the same dictionaries in the first state a socket gets
and in every live event after it."""

from livesessions.models import Poll, Question


def question_payload(question: Question, votes: int = 0) -> dict:
    return {
        "id": question.pk,
        "body": question.body,
        "status": question.status,
        "votes": votes,
        "created_at": question.created_at.isoformat() if question.created_at else None,
        "merged_into": question.merged_into_id,
    }


def poll_payload(poll: Poll) -> dict:
    return {
        "id": poll.pk,
        "question": poll.question,
        "kind": poll.kind,
        "state": poll.state,
        "results_after_close": poll.results_after_close,
        "options": [{"id": o.pk, "label": o.label} for o in poll.options.all()],
    }


def results_payload(poll: Poll, counts: dict[int, int], voters: int, version: int) -> dict:
    """The counts only where they may be shown; how many have voted always."""
    visible = poll.results_visible
    return {
        "poll": poll.pk,
        "version": version,
        "voters": voters,
        "visible": visible,
        "counts": {str(k): v for k, v in counts.items()} if visible else None,
    }
