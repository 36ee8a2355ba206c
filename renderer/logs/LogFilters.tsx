import type { CSSProperties } from 'react';
import type { LogLevel, LogSourceInfo, LogStream } from '../../shared/contract/logs.js';
import { levelNames, streamNames } from './logStore.js';

export interface FilterState {
  sources: string[];
  streams: LogStream[];
  levels: LogLevel[];
}

interface Props {
  filter: FilterState;
  onChange: (next: FilterState) => void;
  known: LogSourceInfo[];
  hueOf: (source: string) => number;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

const count = (n: number) => n.toLocaleString('en-US');

/** Which lines the stream carries: sources (a checklist), streams and levels (chips). Empty means all. */
export function LogFilters({ filter, onChange, known, hueOf }: Props) {
  const names = new Set(known.map((s) => s.source));
  for (const s of filter.sources) names.add(s);
  const list = [...names].sort();
  const sourceLabel =
    filter.sources.length === 0 ? 'All sources' : filter.sources.length === 1 ? filter.sources[0] : `${filter.sources.length} sources`;
  return (
    <div className="logs-filters" role="group" aria-label="Filters">
      <details className="logs-source-picker">
        <summary aria-label={`Sources: ${sourceLabel}`}>
          <span className="logs-filter-label">Sources</span> {sourceLabel} ▾
        </summary>
        <div className="logs-source-menu" role="group" aria-label="Sources">
          {list.length === 0 ? <div className="muted">No sources have written yet.</div> : null}
          {list.map((s) => {
            const info = known.find((k) => k.source === s);
            return (
              <label key={s} className="logs-source-option">
                <input
                  type="checkbox"
                  checked={filter.sources.includes(s)}
                  onChange={() => onChange({ ...filter, sources: toggle(filter.sources, s) })}
                />
                <span className="logs-source-swatch" style={{ '--source-hue': hueOf(s) } as CSSProperties} aria-hidden="true" />
                <span className="logs-source-name">{s}</span>
                <span className="logs-source-count">
                  {info ? count(info.lines) : 0}
                  {info && info.dropped > 0 ? <span className="logs-dropped"> · {count(info.dropped)} dropped</span> : null}
                </span>
              </label>
            );
          })}
          {filter.sources.length > 0 ? (
            <button type="button" className="link-button" onClick={() => onChange({ ...filter, sources: [] })}>
              Show all sources
            </button>
          ) : null}
        </div>
      </details>
      <div className="logs-chips" role="group" aria-label="Streams">
        {streamNames.map((s) => (
          <button
            key={s}
            type="button"
            className="logs-chip"
            aria-pressed={filter.streams.includes(s)}
            onClick={() => onChange({ ...filter, streams: toggle(filter.streams, s) })}
          >
            {s}
          </button>
        ))}
      </div>
      <div className="logs-chips" role="group" aria-label="Levels">
        {levelNames.map((l) => (
          <button
            key={l}
            type="button"
            className={`logs-chip logs-chip-${l}`}
            aria-pressed={filter.levels.includes(l)}
            onClick={() => onChange({ ...filter, levels: toggle(filter.levels, l) })}
          >
            {l}
          </button>
        ))}
      </div>
      {filter.sources.length + filter.streams.length + filter.levels.length > 0 ? (
        <button type="button" className="link-button" onClick={() => onChange({ sources: [], streams: [], levels: [] })}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
