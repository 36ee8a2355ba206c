import { describe, expect, it } from 'vitest';
import { isLoopbackHost, planBind } from '../../../electron/transport/bindPlan.js';

describe('bind plan', () => {
  it('knows loopback from everything else', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'fd00::2', 'switchboard.lan', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('binds loopback as before, with or without extra names', () => {
    expect(planBind({ host: '127.0.0.1', allowHosts: [] })).toEqual({ host: '127.0.0.1', allowHosts: [] });
    expect(planBind({ host: '::1', allowHosts: ['Dev.Local'] })).toEqual({ host: '::1', allowHosts: ['dev.local'] });
  });

  it('refuses every non-loopback bind without TLS and names', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5']) expect(() => planBind({ host, allowHosts: ['x.lan'] }), host).toThrow(/--tls-cert FILE --tls-key FILE/);
  });

  it('checks --allow-host names and writes IPv6 ones as the Host header does', () => {
    expect(planBind({ host: '127.0.0.1', allowHosts: ['fd00::2', '192.168.1.5'] }).allowHosts).toEqual(['[fd00::2]', '192.168.1.5']);
    for (const bad of ['https://x.lan', 'x.lan:8443', 'a b', '']) expect(() => planBind({ host: '127.0.0.1', allowHosts: [bad] }), bad).toThrow(/is not a host name/);
  });
});
