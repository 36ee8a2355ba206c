import { describe, expect, it } from 'vitest';
import { createSelection } from '../../../electron/docker/containerSelection.js';

const c = (name: string, labels: Record<string, string> = {}) => ({ name, labels });

describe('container selection', () => {
  it('takes every container when the stack file selects nothing', () => {
    expect(createSelection({})(c('anything'))).toBe(true);
  });

  it('takes a compose project, name globs, or containers with all the given labels', () => {
    const inStack = createSelection({ project: 'sutazai', containers: ['db-*', 'cache-?'], labels: { tier: 'web', team: '' } });
    expect(inStack(c('x', { 'com.docker.compose.project': 'sutazai' }))).toBe(true);
    expect(inStack(c('x', { 'com.docker.compose.project': 'other' }))).toBe(false);
    expect(inStack(c('db-main'))).toBe(true);
    expect(inStack(c('cache-1'))).toBe(true);
    expect(inStack(c('cache-10'))).toBe(false);
    expect(inStack(c('x', { tier: 'web', team: 'anyone' }))).toBe(true);
    expect(inStack(c('x', { tier: 'web' }))).toBe(false);
  });

  it('treats glob characters other than * and ? literally', () => {
    expect(createSelection({ containers: ['a.b'] })(c('axb'))).toBe(false);
  });
});
