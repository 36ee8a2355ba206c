import { useSyncExternalStore } from 'react';

/** What the operator picked: a theme, or whatever the system uses (the default). */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** What is on screen: `<html data-theme>`, which styles/theme.css reads. */
export type Theme = 'light' | 'dark';

export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const storageKey = 'switchboard.theme';
const systemLight = '(prefers-color-scheme: light)';
const listeners = new Set<() => void>();

function isChoice(value: unknown): value is ThemeChoice {
  return themeChoices.includes(value as ThemeChoice);
}

function storedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(storageKey);
    return isChoice(value) ? value : 'system';
  } catch {
    // storage can be off (privacy settings): the system decides then
    return 'system';
  }
}

let choice: ThemeChoice = 'system';

function systemTheme(): Theme {
  return window.matchMedia(systemLight).matches ? 'light' : 'dark';
}

/** The theme a choice puts on screen now. */
export function themeFor(picked: ThemeChoice): Theme {
  return picked === 'system' ? systemTheme() : picked;
}

function apply(): void {
  document.documentElement.dataset.theme = themeFor(choice);
  for (const listener of listeners) listener();
}

/**
 * Reads the remembered choice and puts its theme on `<html>` before the first
 * paint; while the choice is "system", follows the system's changes live.
 */
export function startTheme(): void {
  choice = storedChoice();
  window.matchMedia(systemLight).addEventListener('change', () => {
    if (choice === 'system') apply();
  });
  apply();
}

/** Switches and remembers the choice (localStorage survives a reload and a restart of the app). */
export function chooseTheme(next: ThemeChoice): void {
  choice = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // not remembered, but still switched for this session
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The operator's choice, re-rendering when it (or the system's theme behind "system") changes. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice);
}
