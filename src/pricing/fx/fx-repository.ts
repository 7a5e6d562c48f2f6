import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/index.ts';
import { createFxSnapshot, type FxSnapshot } from './fx-snapshot.ts';

/**
 * Where FX snapshots live. The quote engine never touches this: callers load a snapshot and pass
 * it in. Implementations: in memory (tests), a JSON file in the data dir (the CLI until the
 * fx_snapshots table is wired), and the database (fx-repository-db.ts).
 */
export interface FxRepository {
  /** Stores a snapshot; saving the same id again changes nothing. */
  save(snapshot: FxSnapshot): Promise<void>;
  get(id: string): Promise<FxSnapshot | undefined>;
  /** The most recent by takenAt (ties: the later saved). */
  latest(): Promise<FxSnapshot | undefined>;
  /** Newest first. */
  list(limit?: number): Promise<FxSnapshot[]>;
}

function newestFirst(list: readonly { snapshot: FxSnapshot; seq: number }[]): FxSnapshot[] {
  return [...list]
    .sort((a, b) =>
      a.snapshot.takenAt === b.snapshot.takenAt
        ? b.seq - a.seq
        : a.snapshot.takenAt < b.snapshot.takenAt
          ? 1
          : -1,
    )
    .map((e) => e.snapshot);
}

/** Keeps snapshots in memory; for tests and for one-off processes. */
export class InMemoryFxRepository implements FxRepository {
  readonly #entries: { snapshot: FxSnapshot; seq: number }[] = [];
  #seq = 0;

  async save(snapshot: FxSnapshot): Promise<void> {
    if (this.#entries.some((e) => e.snapshot.id === snapshot.id)) return;
    this.#entries.push({ snapshot, seq: this.#seq++ });
  }
  async get(id: string): Promise<FxSnapshot | undefined> {
    return this.#entries.find((e) => e.snapshot.id === id)?.snapshot;
  }
  async latest(): Promise<FxSnapshot | undefined> {
    return newestFirst(this.#entries)[0];
  }
  async list(limit = 50): Promise<FxSnapshot[]> {
    return newestFirst(this.#entries).slice(0, limit);
  }
}

interface FileShape {
  snapshots: FxSnapshot[];
}

/**
 * Snapshots in one JSON file (config.dataDir/pricing/fx-snapshots.json), written atomically
 * (temp file + rename). Used by the CLI until the lead wires the fx_snapshots table.
 */
export class JsonFileFxRepository implements FxRepository {
  constructor(readonly path: string) {}

  async #read(): Promise<{ snapshot: FxSnapshot; seq: number }[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    let parsed: FileShape;
    try {
      parsed = JSON.parse(text) as FileShape;
    } catch (cause) {
      throw new AppError('config', `${this.path} is not valid JSON`, { cause });
    }
    // Re-derive every snapshot so a hand-edited file cannot smuggle in a wrong id or a bad rate.
    return (parsed.snapshots ?? []).map((s, seq) => ({ snapshot: createFxSnapshot(s), seq }));
  }

  async save(snapshot: FxSnapshot): Promise<void> {
    const entries = await this.#read();
    if (entries.some((e) => e.snapshot.id === snapshot.id)) return;
    const body: FileShape = { snapshots: [...entries.map((e) => e.snapshot), snapshot] };
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`);
    await rename(tmp, this.path);
  }
  async get(id: string): Promise<FxSnapshot | undefined> {
    return (await this.#read()).find((e) => e.snapshot.id === id)?.snapshot;
  }
  async latest(): Promise<FxSnapshot | undefined> {
    return newestFirst(await this.#read())[0];
  }
  async list(limit = 50): Promise<FxSnapshot[]> {
    return newestFirst(await this.#read()).slice(0, limit);
  }
}
