# Production image: uvicorn with several workers behind a proxy, production settings.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    WEB_CONCURRENCY=4 \
    FORWARDED_ALLOW_IPS=127.0.0.1

RUN apt-get update && apt-get install -y --no-install-recommends gettext curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 app

WORKDIR /app
COPY pyproject.toml README.md ./
COPY config config
COPY core core
COPY site site
COPY home home
COPY accounts accounts
COPY dialogue dialogue
COPY partnerships partnerships
COPY events events
COPY locale locale
COPY manage.py ./
RUN pip install --no-cache-dir . \
    && DJANGO_SECRET_KEY=build-only-$(head -c 32 /dev/urandom | base64) \
       DJANGO_ALLOWED_HOSTS=build DJANGO_ALLOW_NO_REDIS=1 \
       python manage.py collectstatic --noinput

USER app
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS -H "X-Forwarded-Proto: https" http://127.0.0.1:8000/healthz || exit 1

# Migrations run on start; uvicorn serves HTTP and websockets from the same workers. uvicorn
# takes the client address from X-Forwarded-For only when the peer is in FORWARDED_ALLOW_IPS
# (its own setting, read from the environment): the proxy, never '*'.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py load_content && exec uvicorn config.asgi:application --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY} --ws-max-size 65536 --ws-per-message-deflate false --proxy-headers --lifespan off"]
