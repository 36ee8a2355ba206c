#!/usr/bin/env node
// The terminal benchmark's WebSocket floor: a bare `ws` server on loopback, in a process of its own as
// Switchboard's server is, that sends every message straight back (no app, no Docker). A key's trip from the
// page (or a Node client) to it and back is what the browser and the loopback WebSocket cost before any app.
// It serves a blank page too: Chromium lets only a loopback page open a WebSocket to loopback.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const http = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>floor</title>'));
const server = new WebSocketServer({ server: http });
server.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
http.listen(0, '127.0.0.1', () => console.log(`listening ${http.address().port}`));
