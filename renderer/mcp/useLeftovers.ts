import { useCallback, useEffect, useState } from 'react';
import { useCommand, useConnectionStatus } from '../client/hooks.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { EndLeftoversResult, McpLeftover } from '../../shared/contract/mcp.js';
import { leftoverKey } from './leftoverText.js';

/** Dismissed leftovers, by key, for this page session (the tab's sessionStorage survives a reload, not a new tab). */
const dismissedStore = 'switchboard.mcp.dismissedLeftovers';

function readDismissed(): string[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(dismissedStore) ?? '[]');
    return Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export interface LeftoversView {
  /** What earlier runs left running, as last checked; undefined before the first answer. */
  leftovers: McpLeftover[] | undefined;
  /** The operator hid the warning and nothing new turned up since. */
  dismissed: boolean;
  dismiss(): void;
  /** The last end request's answer, until the next one. */
  lastEnd: EndLeftoversResult | undefined;
  clearLastEnd(): void;
  /** Ends the named groups, then checks again; resolves when the list is current (never rejects). */
  end(pgids: number[]): Promise<void>;
  check(): void;
  checkFailed: ErrorInfo | null;
  endFailed: ErrorInfo | null;
}

/** Leftovers of earlier Switchboard runs: checked once connected (again after a reconnect) and after every end request. */
export function useLeftovers(): LeftoversView {
  const connection = useConnectionStatus();
  const list = useCommand('mcp.leftovers');
  const ending = useCommand('mcp.endLeftovers');
  const [leftovers, setLeftovers] = useState<McpLeftover[]>();
  const [lastEnd, setLastEnd] = useState<EndLeftoversResult>();
  const [dismissedKeys, setDismissedKeys] = useState(readDismissed);
  const { mutate: listNow, mutateAsync: listAsync } = list;
  const { mutateAsync: endAsync } = ending;

  const check = useCallback(() => listNow({}, { onSuccess: setLeftovers }), [listNow]);
  useEffect(() => {
    // a call before the socket is open fails; a reconnect may be to a new run that found new leftovers
    if (connection === 'open') check();
  }, [connection, check]);

  const end = useCallback(
    async (pgids: number[]) => {
      try {
        setLastEnd(await endAsync({ pgids }));
      } catch {
        // shown through endFailed; the list below says what still runs
      }
      setLeftovers(await listAsync({}).catch(() => undefined));
    },
    [endAsync, listAsync],
  );

  const dismiss = useCallback(() => {
    const keys = [...new Set([...readDismissed(), ...(leftovers ?? []).map(leftoverKey)])];
    sessionStorage.setItem(dismissedStore, JSON.stringify(keys));
    setDismissedKeys(keys);
  }, [leftovers]);

  return {
    leftovers,
    // a leftover not seen when the warning was dismissed brings it back
    dismissed: (leftovers ?? []).every((l) => dismissedKeys.includes(leftoverKey(l))),
    dismiss,
    lastEnd,
    clearLastEnd: useCallback(() => setLastEnd(undefined), []),
    end,
    check,
    // while reconnecting the app's connection banner says it already
    checkFailed: connection === 'open' ? list.error : null,
    endFailed: ending.error,
  };
}
