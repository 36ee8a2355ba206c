import { useEffect, useRef } from 'react';
import { announce } from './announcer.js';

/**
 * Announces "<name>: <status>" when a row's status word changes while it is on
 * screen (not when it first appears). Pass words that do not tick with the clock.
 */
export function useStatusAnnouncement(name: string, status: string): void {
  const said = useRef(status);
  useEffect(() => {
    if (said.current === status) return;
    said.current = status;
    announce(`${name}: ${status}`);
  }, [name, status]);
}
