"""The cached pages partners' changes retire (core/pagecache.py): the register, each partner's
page, the pledge totals on the front page and focus areas, and the site search all depend on
"partners" (named where they read: `Organisation.objects.public()`, the selectors). Any change
to an organisation, its pledges, commitments or reports retires them (partnerships.signals):
partners change rarely, and one tag cannot miss a page."""

PARTNERS = "partners"
