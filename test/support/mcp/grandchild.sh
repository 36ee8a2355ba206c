#!/bin/sh
# A wrapper that starts a background helper (a grandchild of Switchboard) and
# runs the real server as a child instead of exec-ing it, like npx or a pipeline does.
here=$(cd "$(dirname "$0")" && pwd)
sleep 600 &
node "$here/../../../node_modules/@modelcontextprotocol/server-memory/dist/index.js"
wait
