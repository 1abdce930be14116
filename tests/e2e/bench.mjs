// `make bench`, browser part: page-ready (DOMContentLoaded end) -> badge drawn (data-drawn-at),
// median over HIRECHECK_BENCH_LOADS loads (default 20) of every demo profile page, on every site's host.
// Prints; asserts nothing.
import { contentScriptRunsOn, median, startBrowser, measureBadgeTimes } from './harness.mjs';

const loads = Number(process.env.HIRECHECK_BENCH_LOADS ?? 20);
const env = await startBrowser();
try {
  const page = env.context.pages()[0] ?? await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  const all = [];
  console.log(`page-ready -> badge in Chromium, ${loads} loads per page (ms):`);
  const W = 64;
  console.log(`  ${'page'.padEnd(W)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  for (const route of env.server.routes.filter((r) => contentScriptRunsOn(env.manifest, r.url))) {
    const label = route.url.replace(/^https:\/\/(www\.)?/, '');
    let t;
    try {
      await measureBadgeTimes(env, page, cdp, route.url, 1); // warm-up
      t = await measureBadgeTimes(env, page, cdp, route.url, loads);
    } catch (e) {
      console.log(`  ${label.padEnd(W)} not timed: ${e.message}`);
      continue;
    }
    all.push(...t);
    console.log(`  ${label.padEnd(W)} ${median(t).toFixed(1).padStart(8)} ${Math.min(...t).toFixed(1).padStart(8)} ${Math.max(...t).toFixed(1).padStart(8)}`);
  }
  console.log(`  ${'all pages'.padEnd(W)} ${median(all).toFixed(1).padStart(8)} ${Math.min(...all).toFixed(1).padStart(8)} ${Math.max(...all).toFixed(1).padStart(8)}`);
} finally {
  await env.close();
}
