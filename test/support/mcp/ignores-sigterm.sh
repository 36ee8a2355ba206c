#!/bin/sh
# Ignores stdin closing and SIGTERM, so only SIGKILL stops it (children inherit the ignore).
trap '' TERM INT
echo "stubborn-wrapper: running" >&2
while :; do sleep 1; done
