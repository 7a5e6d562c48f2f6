export { emit, readStdinLines, table } from './output.ts';
