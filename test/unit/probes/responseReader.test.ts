import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseReader, type ReadResponse } from '../../../electron/probes/http/responseReader.js';

/** Feeds `wire` to a reader in the given pieces; the response, the error it threw, or undefined if it wants more. */
function read(wire: Buffer, cuts: number[], options: { head?: boolean; keep?: number; closed?: boolean } = {}): ReadResponse | Error | undefined {
  const reader = new ResponseReader(options.head ?? false, options.keep ?? 1 << 20);
  const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  let response: ReadResponse | undefined;
  try {
    for (const to of [...points, wire.length]) {
      if (to <= from) continue;
      response = reader.push(wire.subarray(from, to)) ?? response;
      from = to;
    }
  } catch (err) {
    return err as Error;
  }
  return options.closed ? reader.end() : response;
}

const wire = (text: string) => Buffer.from(text, 'latin1');

interface Sent {
  status: number;
  body: string;
  framing: 'length' | 'chunked' | 'close';
  chunks: number[];
  close: boolean;
  interim: boolean;
  extraHeaders: [string, string][];
}

/** A response as a server would put it on the wire, with the framing and splits fast-check picked. */
function encode(r: Sent): Buffer {
  const head = [`HTTP/1.1 ${r.status} Whatever It Says`];
  for (const [name, value] of r.extraHeaders) head.push(`${name}: ${value}`);
  if (r.framing === 'length') head.push(`Content-Length: ${Buffer.byteLength(r.body)}`);
  if (r.framing === 'chunked') head.push('Transfer-Encoding: chunked');
  if (r.close || r.framing === 'close') head.push('Connection: close');
  const interim = r.interim ? 'HTTP/1.1 100 Continue\r\n\r\n' : '';
  let body = r.body;
  if (r.framing === 'chunked') {
    const bytes = Buffer.from(r.body);
    const parts: string[] = [];
    let at = 0;
    for (const size of [...r.chunks, bytes.length]) {
      const piece = bytes.subarray(at, Math.min(bytes.length, at + size));
      if (!piece.length) continue;
      parts.push(`${piece.length.toString(16)};ext=1\r\n${piece.toString('latin1')}\r\n`);
      at += piece.length;
    }
    body = `${parts.join('')}0\r\nX-Trailer: t\r\n\r\n`;
    return Buffer.concat([wire(`${interim}${head.join('\r\n')}\r\n\r\n${body}`)]);
  }
  return Buffer.concat([wire(`${interim}${head.join('\r\n')}\r\n\r\n`), Buffer.from(body)]);
}

const sent = fc.record<Sent>({
  status: fc.constantFrom(200, 201, 302, 404, 500, 503),
  body: fc.string({ unit: 'grapheme', maxLength: 300 }),
  framing: fc.constantFrom('length', 'chunked', 'close'),
  chunks: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
  close: fc.boolean(),
  interim: fc.boolean(),
  extraHeaders: fc.array(fc.tuple(fc.constantFrom('X-Request-Id', 'Server', 'Date', 'Keep-Alive'), fc.constantFrom('1', 'demo', 'timeout=5', 'max=100, timeout=7')), { maxLength: 3 }),
});

describe('reading a probe’s HTTP response off the socket', () => {
  it('gets the status and the whole body, however the framing and however the bytes are split', () => {
    fc.assert(
      fc.property(sent, fc.array(fc.nat(2000), { maxLength: 12 }), (r, cuts) => {
        const got = read(encode(r), cuts, { closed: r.framing === 'close' });
        expect(got).not.toBeInstanceOf(Error);
        expect(got).toMatchObject({ status: r.status, reusable: !r.close && r.framing !== 'close' });
        expect((got as ReadResponse).body.toString()).toBe(r.body);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps only the first bytes of a big body but reads it to the end', () => {
    const body = 'x'.repeat(5000);
    const got = read(wire(`HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${body}`), [100, 2000, 4000], { keep: 10 });
    expect(got).toMatchObject({ status: 200, reusable: true });
    expect((got as ReadResponse).body.toString()).toBe('xxxxxxxxxx');
    // Nothing kept at all when the probe does not check the body.
    expect((read(wire(`HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n${body}`), [], { keep: 0 }) as ReadResponse).body.length).toBe(0);
  });

  it('expects no body after HEAD, 204 and 304, whatever Content-Length says', () => {
    expect(read(wire('HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n'), [], { head: true })).toMatchObject({ status: 200, reusable: true });
    expect(read(wire('HTTP/1.1 204 No Content\r\n\r\n'), [])).toMatchObject({ status: 204, reusable: true });
    expect(read(wire('HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\n\r\n'), [])).toMatchObject({ status: 304, reusable: true });
  });

  it('tells an HTTP/1.0 server’s connection apart: closed unless it says keep-alive', () => {
    expect(read(wire('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok'), [])).toMatchObject({ reusable: false });
    expect(read(wire('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok'), [])).toMatchObject({ reusable: true });
  });

  it('reads the server’s keep-alive timeout, and does not reuse a connection that sent more than one answer', () => {
    expect(read(wire('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 0\r\n\r\n'), [])).toMatchObject({ keepAliveSeconds: 5, reusable: true });
    expect(read(wire('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK'), [])).toMatchObject({ status: 200, reusable: false });
  });

  it('says what is wrong with what is not HTTP, and when the connection closes too early', () => {
    expect(read(wire('SSH-2.0-OpenSSH_9.2\r\n\r\n'), [])).toEqual(new Error('not an HTTP response (it starts "SSH-2.0-OpenSSH_9.2")'));
    expect(read(wire('HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n'), [])).toEqual(new Error('bad Content-Length "ten"'));
    expect(read(wire('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'), [])).toEqual(new Error('bad chunk size "zz"'));
    expect(read(wire('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'), [], { closed: true })).toEqual(new Error('response broke off before its end'));
    expect(read(wire(''), [], { closed: true })).toEqual(new Error('connection closed before a response'));
    expect(read(Buffer.alloc(70 * 1024, 'a'), [])).toEqual(new Error('response head over 64 KB'));
  });
});
