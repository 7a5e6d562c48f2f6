// Child process for `npm run bench -- sandbox`: runs the sandbox on its own event loop and
// reports {url, appKey, appSecret, startMs}; answers SIGUSR2 with its CPU time; closes (writing its state) when stdin ends.
import { startSandbox } from '../src/sandbox/index.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const t0 = performance.now();
const sb = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
const startMs = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ url: sb.url, appKey: sb.appKey, appSecret: sb.appSecret, startMs })}\n`,
);
// SIGUSR2 asks for the CPU time used so far, so the bench can charge the sandbox alone.
process.on('SIGUSR2', () => {
  const u = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (u.user + u.system) / 1000 })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => {
  const t1 = performance.now();
  void sb.close().then(() => {
    process.stdout.write(`${JSON.stringify({ closeMs: performance.now() - t1 })}\n`);
    process.exit(0);
  });
});
