"""The one answer to "who is asking?" by address, for views, allauth and the debate socket.

The address is the peer of the connection as uvicorn gives it (`scope["client"]`, which Django
copies to `REMOTE_ADDR`). uvicorn replaces it with the `X-Forwarded-For` address only when the
peer is a trusted proxy: `FORWARDED_ALLOW_IPS` (uvicorn's own setting, default 127.0.0.1; the
Dockerfile and docker-compose.yml set it to the proxy). Nothing here reads `X-Forwarded-For`
itself, so a header sent by anyone else is ignored.
"""

import ipaddress

from django.utils.crypto import salted_hmac

UNKNOWN = "unknown"


def client_ip(source) -> str:
    """The client address of an `HttpRequest` or an ASGI scope (a dict). IPv6 addresses are
    grouped by their /64, the block one household or one server is usually given, so a new
    address from the same block is no new person."""
    if isinstance(source, dict):
        client = source.get("client") or ()
        raw = client[0] if client else ""
    else:
        raw = source.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(str(raw).strip())
    except ValueError:
        return UNKNOWN
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def address_token(ip: str | None) -> str:
    """A keyed hash of a client address: enough to tell two addresses apart (the distinct
    reporters rule), without storing the address itself. Empty for no address."""
    if not ip:
        return ""
    return salted_hmac("core.clientip.address_token", ip).hexdigest()[:32]
