// Runs the case corpus in ./corpus/*.json: each file is { description, cases: [...] }.
// A case with "locale" is a localize case, else a parse case. Add cases to the files; see
// docs/units.md ("Adding cases") for the fields.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { localizeText, parseQuantities, type LocalizeOptions, type Quantity } from './index.ts';

interface Case {
  text: string;
  locale?: string;
  options?: LocalizeOptions;
  quantities?: Record<string, unknown>[];
  sizes?: Record<string, unknown>[];
  localized?: string;
  targets?: (Record<string, unknown> | null)[];
  flags?: (string[] | null)[];
}

const dir = new URL('./corpus/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

// Present exactly when the case lists them; the others are compared only when listed.
const STRICT_KEYS = ['count', 'valueMax', 'source', 'kind'] as const;

function checkQuantities(actual: Quantity[], expected: Record<string, unknown>[], text: string): void {
  assert.equal(
    actual.length,
    expected.length,
    `${text}: expected ${expected.length} quantities, got ${JSON.stringify(actual.map((q) => q.match))}`,
  );
  expected.forEach((exp, i) => {
    const q = actual[i] as unknown as Record<string, unknown>;
    for (const key of ['match', 'value', 'unit']) {
      assert.deepEqual(q[key], exp[key], `${text} #${i} ${key}`);
    }
    for (const key of STRICT_KEYS) assert.deepEqual(q[key], exp[key], `${text} #${i} ${key}`);
    for (const key of ['start', 'end', 'label', 'dimension']) {
      if (key in exp) assert.deepEqual(q[key], exp[key], `${text} #${i} ${key}`);
    }
    // Offsets are UTF-16 indices: the span must reproduce the match.
    assert.equal(text.slice(q.start as number, q.end as number), q.match, `${text} #${i} span`);
  });
}

function subset(actual: unknown, expected: Record<string, unknown>, where: string): void {
  const a = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(a[key], value, `${where} ${key}`);
}

let total = 0;
for (const file of files) {
  const { cases } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { cases: Case[] };
  total += cases.length;
  describe(`units corpus: ${file}`, () => {
    cases.forEach((c, n) => {
      const name = `${n + 1}: ${c.locale ? `[${c.locale}] ` : ''}${c.text}`;
      it(name, () => {
        if (!c.locale) {
          const r = parseQuantities(c.text);
          assert.ok(c.quantities, `${name}: a parse case lists its quantities`);
          checkQuantities(r.quantities, c.quantities, c.text);
          if (c.sizes) {
            assert.equal(r.sizes?.length ?? 0, c.sizes.length, `${c.text}: sizes`);
            c.sizes.forEach((z, i) => subset(r.sizes?.[i], z, `${c.text} size #${i}`));
          } else {
            assert.equal(r.sizes, undefined, `${c.text}: no sizes expected`);
          }
          return;
        }
        const r = localizeText(c.text, c.locale, c.options ?? {});
        assert.ok(c.localized !== undefined, `${name}: a localize case lists "localized"`);
        assert.equal(r.localized, c.localized);
        if (c.quantities) checkQuantities(r.quantities, c.quantities, c.text);
        c.targets?.forEach((t, i) => {
          if (t) subset(r.quantities[i]?.target, t, `${c.text} target #${i}`);
        });
        c.flags?.forEach((f, i) =>
          assert.deepEqual(r.quantities[i]?.flags, f ?? undefined, `${c.text} flags #${i}`),
        );
        if (c.sizes) c.sizes.forEach((z, i) => subset(r.sizes?.[i], z, `${c.text} size #${i}`));
        // Replacements reproduce the localized text from the input.
        let rebuilt = '';
        let last = 0;
        for (const e of r.replacements) {
          assert.equal(c.text.slice(e.start, e.end), e.original);
          rebuilt += c.text.slice(last, e.start) + e.text;
          last = e.end;
        }
        assert.equal(rebuilt + c.text.slice(last), r.localized);
      });
    });
  });
}

describe('units corpus size', () => {
  it('holds at least 400 cases', () => {
    assert.ok(total >= 400, `corpus has ${total} cases`);
  });
});
