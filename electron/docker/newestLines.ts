/**
 * Keeps only the newest `capacity` items pushed, oldest first on read: a
 * window of Docker's log may hold far more lines than a page shows, and only
 * the newest of them can be next to what the viewer already has.
 */
export class NewestLines<T> {
  private readonly items: T[] = [];
  private start = 0;
  /** Items pushed, kept or not. */
  seen = 0;

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    this.seen++;
    if (this.capacity <= 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  toArray(): T[] {
    return this.start === 0 ? this.items.slice() : this.items.slice(this.start).concat(this.items.slice(0, this.start));
  }
}
