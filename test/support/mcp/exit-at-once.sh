#!/bin/sh
# Fails like a wrapper whose database is not configured.
echo "postgres-wrapper: connecting to database" >&2
echo "postgres-wrapper: FATAL: DATABASE_URL is not set" >&2
exit 1
