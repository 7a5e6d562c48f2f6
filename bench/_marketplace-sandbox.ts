// Child process for `npm run bench -- marketplace`: runs the sandbox on its own thread so the
// client being measured does not share an event loop with it. Prints one JSON line
// {url, appKey, appSecret} and runs until its stdin closes.
// Loaded by path at run time so the benchmark type-checks even where the sandbox is absent.
const entry = new URL('../src/sandbox/index.ts', import.meta.url).href;
const { startSandbox } = (await import(entry)) as {
  startSandbox(
    o: Record<string, unknown>,
  ): Promise<{ url: string; appKey: string; appSecret: string; close(): Promise<void> }>;
};

const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const sb = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
process.stdout.write(`${JSON.stringify({ url: sb.url, appKey: sb.appKey, appSecret: sb.appSecret })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void sb.close().then(() => process.exit(0));
});
