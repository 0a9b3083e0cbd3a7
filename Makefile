# Bland dig i byen. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Every UI language but English (the msgids are English) has its catalogues in locale/.
LOCALES := da ar tr ur so pl fa
LOCALE_ARGS := $(foreach code,$(LOCALES),-l $(code))
TEMPLATE_DIRS := site/templates core/templates home/templates accounts/templates dialogue/templates partnerships/templates events/templates accountability/templates livesessions/templates

.PHONY: run install migrate content test lint format messages bench-fanout bench-live bench-pages bench-digests bench-writes bench-processes bench-mixed clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

content: migrate
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(MANAGE) load_content --demo

run: content
	@echo ""
	@echo "  Bland dig i byen runs at http://$(HOST):$(PORT)/"
	@echo "  Editor account:    $(MANAGE) create_account --email you@example.org --role editor"
	@echo "  Moderator account: $(MANAGE) create_account --email you@example.org --role moderator"
	@echo "  The Wagtail admin is at http://$(HOST):$(PORT)/admin/ ; e-mails are printed here"
	@echo "  by the worker (manage.py run_huey), which runs beside the web server."
	@echo ""
	@# The worker (huey: e-mail, summaries, reminders) runs beside the web server and stops with it.
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(MANAGE) run_huey --quiet & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --ws-max-size 65536 --ws-per-message-deflate false --lifespan off

# One test process per core (pytest-xdist), tests handed out in pytest-django's order (the
# database-flushing transactional tests last in each process). PYTEST_XDIST= (empty) runs
# everything in one process.
PYTEST_XDIST ?= -n auto --dist load
test: install
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --lint --quiet $(TEMPLATE_DIRS)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(MANAGE) makemessages $(LOCALE_ARGS) --ignore ".venv/*" --ignore "tests/*" --ignore "bench/*"
	$(MANAGE) makemessages -d djangojs $(LOCALE_ARGS) --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" --ignore "tests/*" --ignore "bench/*"
	$(MANAGE) compilemessages --ignore ".venv/*"

bench-fanout: install
	$(BIN)/python bench/fanout.py

# Comments a second through the socket while 1,000 viewers watch, against a raw psycopg
# INSERT + COMMIT loop in the same run; needs PostgreSQL and Redis (bench/writes.py).
bench-writes: install
	$(BIN)/python bench/writes.py

# 1,000 guests vote in a live-session poll; needs PostgreSQL and Redis (bench/live_session.py).
bench-live: install
	$(BIN)/python bench/live_session.py

# A debate's 2,000 followers told of 100 comments, and 10,000 daily summaries built, queued and
# delivered over SMTP to a local sink; needs PostgreSQL, uses Redis if it answers (bench/digests.py).
bench-digests: install
	$(BIN)/python bench/digests.py

# Needs PostgreSQL, Redis (database 14 unless BENCH_REDIS_URL) and wrk (Debian: apt-get install wrk).
bench-pages: install
	$(BIN)/python bench/pages.py

# One server process against two on the same core, 5,000 viewers on one debate, and the memory
# of an idle socket; needs PostgreSQL and Redis (bench/processes.py).
bench-processes: install
	$(BIN)/python bench/processes.py

# 1,000 viewers of a debate receiving comments while readers load pages at 200 a second for
# two minutes; needs PostgreSQL and Redis (bench/mixed.py).
bench-mixed: install
	$(BIN)/python bench/mixed.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
