#!/bin/sh
# Prints a banner to stdout, where the protocol goes, then never speaks JSON-RPC.
echo "Starting Acme MCP wrapper v1.2 ..."
exec sleep 600
