"""Showing personal data only to the person it belongs to."""


def mask_email(address: str) -> str:
    """`amina@example.org` as `a***@example.org`: enough for the right person to recognise their
    address, too little for anyone else holding a link to learn it."""
    local, at, domain = (address or "").rpartition("@")
    if not at:
        return "***"
    return f"{local[:1]}***@{domain}"
