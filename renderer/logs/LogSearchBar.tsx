import type { SearchQuery } from './logSearch.js';

interface Props {
  query: SearchQuery;
  onChange: (next: SearchQuery) => void;
  /** 1-based position of the current hit, 0 when none is selected. */
  position: number;
  total: number;
  error: string | undefined;
  onNext: () => void;
  onPrevious: () => void;
}

/** Text or regex search over the lines in view, with a hit counter and next/previous. */
export function LogSearchBar({ query, onChange, position, total, error, onNext, onPrevious }: Props) {
  return (
    <div className="logs-search" role="search">
      <input
        type="search"
        className={`logs-search-input${error ? ' is-invalid' : ''}`}
        placeholder={query.regex ? 'Search (regular expression)' : 'Search'}
        aria-label="Search logs"
        aria-invalid={error ? true : undefined}
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.shiftKey ? onPrevious : onNext)();
          if (e.key === 'Escape') onChange({ ...query, text: '' });
        }}
      />
      <button type="button" className="logs-chip" aria-pressed={query.regex} title="Regular expression" onClick={() => onChange({ ...query, regex: !query.regex })}>
        .*
      </button>
      <button
        type="button"
        className="logs-chip"
        aria-pressed={query.caseSensitive}
        title="Match case"
        aria-label="Match case"
        onClick={() => onChange({ ...query, caseSensitive: !query.caseSensitive })}
      >
        Aa
      </button>
      <button type="button" className="logs-icon-button" aria-label="Previous match" disabled={!total} onClick={onPrevious}>
        ↑
      </button>
      <button type="button" className="logs-icon-button" aria-label="Next match" disabled={!total} onClick={onNext}>
        ↓
      </button>
      <span className={`logs-search-count${error ? ' text-bad' : ''}`} role="status" aria-label="Search matches">
        {error ? error : query.text ? (total ? `${position || '–'} of ${total.toLocaleString('en-US')}` : 'no matches') : ''}
      </span>
    </div>
  );
}
