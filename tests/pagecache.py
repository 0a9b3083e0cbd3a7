"""Reading a page as an anonymous visitor gets it, from the page cache or freshly rendered
(the page-cache tests of each app)."""


def cached_body(client, url: str) -> str:
    """The page as an anonymous visitor gets it, after making sure a copy is in the cache."""
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit", url
    return response.content.decode()


def fresh_body(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
