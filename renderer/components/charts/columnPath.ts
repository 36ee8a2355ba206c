/**
 * Builds one path, keeping the lowest and highest y of each pixel column; `lift` leaves a gap.
 * Given a baseline, it also builds the area under each unbroken run (`area`), for filled charts.
 */
export class ColumnPath {
  private d = '';
  private fill = '';
  private runStart = 0;
  private lastColumn = 0;
  private pen = false;
  private column = NaN;
  private first = 0;
  private min = 0;
  private max = 0;
  vertices = 0;

  constructor(private readonly base?: number) {}

  /** The area under the line down to the baseline, one closed shape per unbroken run. */
  get area(): string {
    return this.fill;
  }

  add(column: number, y: number): void {
    if (column === this.column) {
      if (y > this.max) this.max = y;
      if (y < this.min) this.min = y;
      return;
    }
    this.flush();
    this.column = column;
    this.first = y;
    this.min = y;
    this.max = y;
  }

  lift(): void {
    this.flush();
    if (this.pen && this.base !== undefined) this.fill += `L${this.lastColumn},${this.base}L${this.runStart},${this.base}Z`;
    this.pen = false;
  }

  finish(): string {
    this.lift();
    return this.d;
  }

  private flush(): void {
    if (Number.isNaN(this.column)) return;
    // The extreme nearer the column's first sample goes first, so the line reads in time order.
    const near = Math.abs(this.first - this.min) <= Math.abs(this.first - this.max) ? this.min : this.max;
    const far = near === this.min ? this.max : this.min;
    this.vertex(near);
    if (far !== near) this.vertex(far);
    this.column = NaN;
  }

  private vertex(y: number): void {
    const step = `${this.pen ? 'L' : 'M'}${this.column},${y.toFixed(1)}`;
    this.d += step;
    if (this.base !== undefined) this.fill += step;
    if (!this.pen) this.runStart = this.column;
    this.lastColumn = this.column;
    this.pen = true;
    this.vertices++;
  }
}
