/**
 * An idle bench reference: the least a page can do and still show a live chart at
 * 1 Hz. One 560×160 SVG line of 300 points sliding left, three time ticks that
 * move with it and two numbers, all redrawn once a second from a timer inside the
 * page (no network, no framework): the browser's price of a frame (oneChangePage
 * below) plus that of redrawing a 300-point line.
 */
export const liveChartFloorPage = `<!doctype html><html><head><title>live chart floor</title>
<style>body{font:14px sans-serif;margin:24px} .n{font-size:28px;font-weight:600}</style></head><body>
<p>p95 <span class="n" id="p95">0 ms</span> · hit rate <span class="n" id="hit">0 %</span></p>
<svg width="560" height="160" viewBox="0 0 560 160"><path id="line" fill="none" stroke="#2563eb" stroke-width="1.5"/>
<g id="ticks"></g></svg>
<script>
const points = [];
const line = document.getElementById('line'), ticks = document.getElementById('ticks');
for (let i = 0; i < 3; i++) ticks.insertAdjacentHTML('beforeend', '<line y1="0" y2="150" stroke="#ccc"/><text y="158" font-size="10"></text>');
function draw() {
  const now = Date.now();
  points.push(10 + Math.random() * 20);
  if (points.length > 300) points.shift();
  line.setAttribute('d', points.map((v, i) => (i ? 'L' : 'M') + (560 - (points.length - 1 - i) * (560 / 299)).toFixed(1) + ',' + (150 - v * 4).toFixed(1)).join(''));
  const lines = ticks.querySelectorAll('line'), texts = ticks.querySelectorAll('text');
  for (let i = 0; i < 3; i++) {
    const t = Math.floor(now / 10000) * 10000 - i * 100000, x = (560 - ((now - t) / 1000) * (560 / 299)).toFixed(1);
    lines[i].setAttribute('x1', x); lines[i].setAttribute('x2', x); texts[i].setAttribute('x', x);
    texts[i].textContent = new Date(t).toLocaleTimeString();
  }
  document.getElementById('p95').textContent = Math.round(points[points.length - 1]) + ' ms';
  document.getElementById('hit').textContent = (80 + Math.random()).toFixed(1) + ' %';
  setTimeout(draw, 1000 - (Date.now() % 1000));
}
draw();
</script></body></html>`;

/**
 * Less still: one text node changed once a second from a timer, nothing else. What any frame
 * costs in this browser, however little it changes (measured at ~0.3 % of a core here, with
 * software raster), so a screen that changes every second cannot cost less than this.
 */
export const oneChangePage = `<!doctype html><html><head><title>one change a second</title></head>
<body style="font:14px sans-serif;margin:24px"><p>changed <span id="n">0</span> times</p><script>
let n = 0;
const node = document.getElementById('n').firstChild;
const tick = () => { node.data = String(++n); setTimeout(tick, 1000 - (Date.now() % 1000)); };
tick();
</script></body></html>`;
