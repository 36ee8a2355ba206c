import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookSender, type WebhookMessage } from '../../../electron/alerts/webhookSender.js';
import { waitFor } from '../../support/waitFor.js';
import { freePort } from '../../support/docker/testContainers.js';

/** A loopback receiver that never answers the first `hang` requests, then answers 200. */
async function slowReceiver(hang: number): Promise<{ url: string; got: string[]; server: Server }> {
  const got: string[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      got.push(text);
      if (got.length > hang) response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got, server };
}

describe('one webhook’s sender', () => {
  let server: Server | undefined;
  let sender: WebhookSender | undefined;
  afterEach(() => {
    sender?.dispose();
    server?.closeAllConnections();
    server?.close();
  });

  it('gives up on a try after its timeout and retries, in order, and drops the oldest past its queue bound', async () => {
    const hook = await slowReceiver(1);
    server = hook.server;
    const log: string[] = [];
    sender = new WebhookSender(hook.url, { timeout: 300, retries: 2, backoff: 100, queue: 2 }, {
      delivered: (m, attempts) => log.push(`delivered ${m.label} in ${attempts}`),
      failed: (m, reason, willRetry) => log.push(`failed ${m.label}: ${reason}${willRetry ? ', again' : ''}`),
      dropped: (m, total) => log.push(`dropped ${m.label} (${total})`),
    });
    const message = (label: string): WebhookMessage => ({ label, body: { label } });
    // "a" is in flight; "b" and "c" wait; "d" overflows the queue of 2, so "b" (the oldest waiting) goes.
    for (const label of ['a', 'b', 'c', 'd']) sender.send(message(label));
    await waitFor('everything sent', () => log.filter((l) => l.startsWith('delivered')).length === 3, 10_000);
    expect(log).toEqual(['dropped b (1)', 'failed a: no answer within 300 ms, again', 'delivered a in 2', 'delivered c in 1', 'delivered d in 1']);
    expect(hook.got.map((body) => (JSON.parse(body) as { label: string }).label)).toEqual(['a', 'a', 'c', 'd']);
  });

  it('does not retry what the receiver refuses (4xx), and reports an unreachable one', async () => {
    const refusing = createServer((_req, res) => res.writeHead(404).end());
    server = refusing;
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const log: string[] = [];
    const report = { delivered: () => log.push('delivered'), failed: (_m: WebhookMessage, reason: string, again: boolean) => log.push(`${reason}${again ? ', again' : ''}`), dropped: () => {} };
    sender = new WebhookSender(`http://127.0.0.1:${(refusing.address() as AddressInfo).port}/`, { timeout: 1000, retries: 3, backoff: 50, queue: 10 }, report);
    sender.send({ label: 'x', body: {} });
    await waitFor('the refusal', () => log.length === 1);
    expect(log).toEqual(['answered 404']);
    sender.dispose();
    sender = new WebhookSender(`http://127.0.0.1:${await freePort()}/`, { timeout: 1000, retries: 1, backoff: 50, queue: 10 }, report);
    sender.send({ label: 'y', body: {} });
    await waitFor('two failed tries', () => log.length === 3);
    expect(log.slice(1)).toEqual([expect.stringMatching(/ECONNREFUSED.*, again$/), expect.stringMatching(/ECONNREFUSED/)]);
  });
});
