import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LogLevel, LogStream } from '../../shared/contract/logs.js';
import { useTopicState } from '../client/hooks.js';
import { navigate, useRoute } from '../navigation/router.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { downloadLines, linesText } from './exportLines.js';
import { LogFilters, type FilterState } from './LogFilters.js';
import { compileSearch, SearchMatches, type SearchQuery } from './logSearch.js';
import { LogSearchBar } from './LogSearchBar.js';
import { LogViewport } from './LogViewport.js';
import { OlderLinesBar, olderBarHeight } from './OlderLinesBar.js';
import { useOlderLines } from './useOlderLines.js';
import { useLogFeed } from './useLogFeed.js';
import './logs.css';

const count = (n: number) => n.toLocaleString('en-US');
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

function hueOf(source: string): number {
  let h = 0;
  for (let i = 0; i < source.length; i++) h = (h * 31 + source.charCodeAt(i)) | 0;
  return Math.abs(h) % 360;
}

/** Filters live in the address (`#/logs?source=mcp:postgres&level=error`), so a row's "Logs" link lands filtered. */
function useRouteFilter(): [FilterState, (next: FilterState) => void] {
  const { params } = useRoute();
  const key = params.toString();
  const filter = useMemo<FilterState>(
    () => ({ sources: list(params.get('source')), streams: list(params.get('stream')) as LogStream[], levels: list(params.get('level')) as LogLevel[] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const set = useCallback((next: FilterState) => {
    const p: Record<string, string> = {};
    if (next.sources.length) p.source = next.sources.join(',');
    if (next.streams.length) p.stream = next.streams.join(',');
    if (next.levels.length) p.level = next.levels.join(',');
    navigate('logs', p);
  }, []);
  return [filter, set];
}

export function LogsScreen() {
  const [filter, setFilter] = useRouteFilter();
  const feed = useLogFeed(filter);
  const { store, version } = feed;
  const { data: stats } = useTopicState('logStats');

  const [following, setFollowingState] = useState(true);
  const pausedAt = useRef(0);
  const setFollowing = useCallback(
    (next: boolean) => {
      if (!next) pausedAt.current = store.appended;
      setFollowingState(next);
    },
    [store],
  );
  const [wrap, setWrap] = useState(false);
  const [showTime, setShowTime] = useState(true);
  const [selection, setSelection] = useState<{ anchor: number; from: number; to: number } | undefined>();
  const [query, setQuery] = useState<SearchQuery>({ text: '', regex: false, caseSensitive: false });
  const [hit, setHit] = useState<{ line: number; key: number } | undefined>();
  const [copied, setCopied] = useState('');

  // `at` (a Timeline event's moment): once lines are held, the last one at or before it is brought into view and picked.
  const at = Number(useRoute().params.get('at')) || undefined;
  const [moment, setMoment] = useState<{ line: number; key: number }>();
  const jumpedTo = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (at === undefined || jumpedTo.current === at || store.size === 0) return;
    let line = store.first;
    for (let i = store.end - 1; i >= store.first; i--) {
      if (store.line(i).ts <= at) {
        line = i;
        break;
      }
    }
    jumpedTo.current = at;
    setFollowing(false);
    setSelection({ anchor: line, from: line, to: line });
    setMoment({ line, key: Date.now() });
  }, [at, version, store, setFollowing]);

  const compiled = useMemo(() => compileSearch(query), [query]);
  const pattern = compiled?.ok ? compiled.pattern : undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new epoch (the store was cleared) needs fresh matches
  const matches = useMemo(() => (pattern ? new SearchMatches(pattern) : undefined), [pattern, store.epoch]);
  matches?.update(store);
  const hits = matches?.lines ?? [];
  const hitPos = hit ? hits.indexOf(hit.line) + 1 : 0;

  const goHit = (dir: 1 | -1) => {
    if (hits.length === 0) return;
    let i = hit ? hits.indexOf(hit.line) : -1;
    i = i < 0 ? hits.length - 1 : (i + dir + hits.length) % hits.length;
    setFollowing(false);
    setHit({ line: hits[i] as number, key: (hit?.key ?? 0) + 1 });
  };

  const older = useOlderLines(store, filter, feed.complete);
  const olderBar = older.container ? <OlderLinesBar older={older} /> : undefined;

  const onRowClick = (index: number, extend: boolean) => {
    if (extend && selection) setSelection({ anchor: selection.anchor, from: Math.min(selection.anchor, index), to: Math.max(selection.anchor, index) });
    else if (selection && selection.from === index && selection.to === index) setSelection(undefined);
    else setSelection({ anchor: index, from: index, to: index });
  };

  const copySelection = async () => {
    if (!selection) return;
    const text = linesText(store, selection.from, selection.to + 1, showTime);
    const n = selection.to - selection.from + 1;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied ${count(n)} line${n === 1 ? '' : 's'}`);
    } catch {
      setCopied('The clipboard refused: select the text and press Ctrl+C');
    }
    setTimeout(() => setCopied(''), 2_500);
  };

  const newLines = following ? 0 : Math.max(0, store.appended - pausedAt.current);
  const filtered = filter.sources.length + filter.streams.length + filter.levels.length > 0;
  const exportName = `switchboard-logs-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.log`;

  return (
    <section
      className="logs-screen"
      aria-label="Logs"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'c' && selection && !window.getSelection()?.toString()) void copySelection();
      }}
    >
      <div className="logs-toolbar">
        <LogSearchBar
          query={query}
          onChange={(q) => {
            setQuery(q);
            setHit(undefined);
          }}
          position={hitPos}
          total={hits.length}
          error={compiled && !compiled.ok ? compiled.error : undefined}
          onNext={() => goHit(1)}
          onPrevious={() => goHit(-1)}
        />
        <div className="logs-view-options">
          <button type="button" className="logs-chip" aria-pressed={following} onClick={() => setFollowing(!following)}>
            {following ? '● Following' : 'Follow'}
          </button>
          <button type="button" className="logs-chip" aria-pressed={wrap} onClick={() => setWrap(!wrap)}>
            Wrap
          </button>
          <button type="button" className="logs-chip" aria-pressed={showTime} onClick={() => setShowTime(!showTime)}>
            Timestamps
          </button>
          <button type="button" className="action-button" disabled={!selection} onClick={() => void copySelection()}>
            {selection ? `Copy ${count(selection.to - selection.from + 1)}` : 'Copy'}
          </button>
          <button type="button" className="action-button" disabled={store.size === 0} onClick={() => downloadLines(store, exportName)}>
            Export
          </button>
        </div>
      </div>
      <LogFilters filter={filter} onChange={setFilter} known={stats?.sources ?? []} hueOf={hueOf} />
      {feed.error ? <ErrorBanner title="The log stream stopped">{feed.error.message}</ErrorBanner> : null}
      <div className="logs-stage">
        {store.size === 0 ? (
          <div className="logs-empty">
            {!feed.loaded ? (
              <EmptyState title="Loading logs…" />
            ) : olderBar && older.fromDocker === 0 ? (
              <EmptyState title={`Switchboard holds no lines of ${older.container} that match`} hint={olderBar} />
            ) : filtered ? (
              <EmptyState
                title="No lines match these filters"
                hint={
                  <button type="button" className="link-button" onClick={() => setFilter({ sources: [], streams: [], levels: [] })}>
                    Clear filters
                  </button>
                }
              />
            ) : (
              <EmptyState
                title="No log lines yet"
                hint="Lines from containers, MCP servers, health probes and Switchboard's own actions appear here as they are written."
              />
            )}
          </div>
        ) : (
          <LogViewport
            store={store}
            version={version}
            following={following}
            onFollowingChange={setFollowing}
            wrap={wrap}
            showTime={showTime}
            pattern={pattern}
            currentHit={hit?.line}
            reveal={hit?.line ?? moment?.line}
            revealKey={hit?.key ?? moment?.key ?? 0}
            selFrom={selection?.from ?? -Infinity}
            selTo={selection?.to ?? -Infinity}
            onRowClick={onRowClick}
            onReachTop={older.onReachTop}
            hueOf={hueOf}
            header={olderBar}
            headerHeight={olderBarHeight}
          />
        )}
        {newLines > 0 ? (
          <button type="button" className="logs-jump" onClick={() => setFollowing(true)}>
            {count(newLines)} new line{newLines === 1 ? '' : 's'} — jump to latest
          </button>
        ) : null}
        {copied ? (
          <div className="logs-toast" role="status">
            {copied}
          </div>
        ) : null}
      </div>
      <footer className="logs-status" aria-label="Log counts">
        <span>{count(store.size)} lines in view</span>
        {stats ? <span>{count(stats.lines)} held by Switchboard</span> : null}
        {stats ? (
          <span className={stats.dropped > 0 ? 'logs-dropped' : undefined} title="Lines that fell out of Switchboard's per-source or total buffer caps">
            {count(stats.dropped)} dropped by buffer caps
          </span>
        ) : null}
        {store.missed > 0 ? <span className="logs-dropped">{count(store.missed)} skipped: this view fell behind</span> : null}
        {store.evicted > 0 ? <span>{count(store.evicted)} older lines left this view</span> : null}
      </footer>
    </section>
  );
}
