import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AppError } from '../shared/index.ts';

/**
 * PGlite has no lock on its data directory: a second process opening it silently loses the first
 * one's commits (measured in research/stack.md). We hold our own lockfile with the owner's pid.
 * A lock left by a dead process is taken over.
 */
export interface DirectoryLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(path: string): DirectoryLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'locked',
          `the embedded database at ${path.replace(/\/[^/]+$/, '')} is in use by process ${owner}; ` +
            'stop it first, or set DATABASE_URL to share a PostgreSQL server between processes',
          { details: { lockfile: path, pid: owner } },
        );
      }
      if (owner === process.pid) {
        throw new AppError('locked', `the embedded database lock ${path} is already held by this process`, {
          details: { lockfile: path },
        });
      }
      unlinkSync(path); // stale: its owner is gone
    }
  }
  throw new AppError('locked', `could not take the lock ${path}`, { details: { lockfile: path } });
}
