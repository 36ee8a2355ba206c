import { describe, expect, it } from 'vitest';
import { CoalescedChange } from '../../../electron/base/coalescedChange.js';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('CoalescedChange', () => {
  it('tells its listeners once per turn however many changes the turn made, and again for a later turn', async () => {
    const change = new CoalescedChange();
    let heard = 0;
    change.on(() => heard++);
    change.schedule();
    change.schedule();
    change.schedule();
    expect(heard).toBe(0);
    await nextTurn();
    expect(heard).toBe(1);
    change.schedule();
    await nextTurn();
    expect(heard).toBe(2);
  });

  it('tells nobody once disposed, even of a change made before', async () => {
    const change = new CoalescedChange();
    let heard = 0;
    change.on(() => heard++);
    change.schedule();
    change.dispose();
    change.schedule();
    await nextTurn();
    expect(heard).toBe(0);
  });
});
