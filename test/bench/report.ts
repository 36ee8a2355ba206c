/**
 * Every benchmark prints its figures the same way, so `npm run bench` reads as
 * one table: a figure is a measured value; a ratio compares Switchboard with a
 * reference measured in the same run and says whether it meets its target.
 */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export interface Ratio {
  label: string;
  value: number;
  /** e.g. "≤ 1.05" */
  target: string;
  pass: boolean;
}

export function report(bench: string, figures: Figure[], ratios: Ratio[] = []): void {
  console.log(`\n## ${bench}`);
  for (const f of figures) console.log(`  ${f.label.padEnd(58)} ${formatValue(f.value).padStart(12)} ${f.unit}`);
  for (const r of ratios) {
    console.log(`  ${('ratio: ' + r.label).padEnd(58)} ${formatValue(r.value).padStart(12)}   target ${r.target}  ${r.pass ? 'PASS' : 'MISS'}`);
  }
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

/** CPU time of this process in ms (user + system), for "main-process CPU" figures. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
