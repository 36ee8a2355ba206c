import { useEffect, useRef } from 'react';

// A step smaller than this many percentage points is drawn at once: animating a few pixels'
// drift every second or two redrew ~18 frames each time and is not something a person follows.
const jumpPoints = 5;

/** The hit-rate bar with its target mark; it slides (0.3 s, see app.css) only when the rate jumps. */
export function HitRateMeter({ hitRate, target }: { hitRate: number | null; target: number }) {
  const fill = Math.round((hitRate ?? 0) * 100);
  const shown = useRef(fill);
  const jumps = Math.abs(fill - shown.current) >= jumpPoints;
  useEffect(() => {
    shown.current = fill;
  }, [fill]);
  return (
    <div className="meter" aria-hidden="true">
      <div className="meter-fill" style={{ width: `${fill}%`, ...(jumps ? {} : { transition: 'none' }) }} />
      <div className="meter-target" style={{ left: `${Math.round(target * 100)}%` }} />
    </div>
  );
}
