"""Helpers for tests and benchmarks that need real outside things: uvicorn processes on a free
port (`servers`) and which services (PostgreSQL, Redis, Chromium) this machine can reach
(`services`). Outside `tests/` so that `bench/` does not import the test package."""
