#!/bin/sh
# Starts but never answers initialize (waits forever on a lock, say).
echo "slow-wrapper: waiting for lock /var/run/slow.lock" >&2
exec sleep 600
