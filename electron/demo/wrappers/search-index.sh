#!/bin/sh
# Demo MCP wrapper that fails the way real wrappers do: it needs a search
# index at $SEARCH_INDEX and exits 1 (with a hint on stderr) until it exists.
# Once the index is there it runs a real MCP server (server-memory).
# the server is found by walking up to the nearest node_modules (source tree or a bundled copy)
dir=$(cd "$(dirname "$0")" && pwd)
server=""
while [ "$dir" != "/" ]; do
  if [ -f "$dir/node_modules/@modelcontextprotocol/server-memory/dist/index.js" ]; then
    server="$dir/node_modules/@modelcontextprotocol/server-memory/dist/index.js"
    break
  fi
  dir=$(dirname "$dir")
done

if [ -z "$SEARCH_INDEX" ]; then
  echo "search-index: SEARCH_INDEX is not set — point it at the index file in the stack config" >&2
  exit 2
fi

if [ "$1" = "--selfcheck" ]; then
  if [ -f "$SEARCH_INDEX" ]; then
    echo "search-index: ok — index found at $SEARCH_INDEX"
    exit 0
  fi
  echo "search-index: FAIL — index not found at $SEARCH_INDEX — build it with: touch $SEARCH_INDEX" >&2
  exit 1
fi

if [ ! -f "$SEARCH_INDEX" ]; then
  echo "search-index: loading index from $SEARCH_INDEX" >&2
  echo "search-index: index not found at $SEARCH_INDEX — build it with: touch $SEARCH_INDEX" >&2
  exit 1
fi

if [ -z "$server" ]; then
  echo "search-index: @modelcontextprotocol/server-memory not found in any node_modules above $0 — run npm install" >&2
  exit 127
fi

echo "search-index: index found at $SEARCH_INDEX, starting server" >&2
# the knowledge graph lives next to the index, not inside node_modules
export MEMORY_FILE_PATH="${MEMORY_FILE_PATH:-$SEARCH_INDEX.graph.jsonl}"
exec node "$server"
