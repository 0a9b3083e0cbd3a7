"""Cached pages that show people (core/pagecache.py): a comment shows its author's public name
and badges. Those pages depend on "people"; a changed name, a badge given or taken, and a
deleted account retire them (accounts.services, accounts.apps)."""

PEOPLE = "people"
