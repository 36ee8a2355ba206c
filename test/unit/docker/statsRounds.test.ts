import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StatsRounds } from '../../../electron/docker/statsRounds.js';

/** Just what the rounds touch of a socket: whether it reads. */
function fakeSocket(): Socket & { reading: boolean } {
  const socket = { reading: true, pause: () => ((socket.reading = false), socket), resume: () => ((socket.reading = true), socket) };
  return socket as unknown as Socket & { reading: boolean };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stats streams read in rounds', () => {
  it("holds every stream back after a round's first bytes, then lets them all read together", async () => {
    const rounds = new StatsRounds(40, 150);
    const [a, b] = [fakeSocket(), fakeSocket()];
    rounds.join(a);
    rounds.join(b);
    rounds.arrived();
    expect([a.reading, b.reading]).toEqual([false, false]);
    await sleep(80);
    expect([a.reading, b.reading]).toEqual([true, true]);
    // Late samples of the same round are read as they come, not held again.
    rounds.arrived();
    expect([a.reading, b.reading]).toEqual([true, true]);
    await sleep(150);
    rounds.arrived();
    expect([a.reading, b.reading]).toEqual([false, false]);
    rounds.dispose();
    expect([a.reading, b.reading]).toEqual([true, true]);
  });

  it('never holds back a lone stream, nor one that left', async () => {
    const rounds = new StatsRounds(40, 150);
    const [a, b] = [fakeSocket(), fakeSocket()];
    rounds.join(a);
    rounds.arrived();
    expect(a.reading).toBe(true);
    rounds.join(b);
    rounds.leave(b);
    rounds.arrived();
    expect(a.reading).toBe(true);
    rounds.dispose();
  });
});
