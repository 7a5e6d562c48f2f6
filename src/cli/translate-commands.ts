import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { once } from 'node:events';
import { createSampleCatalog, importCatalog, writeCatalogNdjson } from '../catalog/index.ts';
import {
  addGlossaryEntry,
  approveReviewItem,
  defaultTermBase,
  dismissReviewItem,
  FIELD_KINDS,
  listGlossary,
  listReviewItems,
  listUsage,
  localizeProduct,
  removeGlossaryEntry,
  sitePolicies,
  TranslationService,
  translationReport,
  translationService,
  type FieldKind,
  type LocalizedField,
  type LocalizedProduct,
  type TextTranslation,
  type TranslationReport,
} from '../localization/index.ts';
import { AppError, OPERATOR_SCOPE, type Scope } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, readStdinLines, table } from './output.ts';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface TranslateOpts {
  to?: string;
  from?: string;
  field?: string;
  site?: string;
  seller?: string;
  brand?: string;
  memory?: boolean;
  provider?: string;
  json?: boolean;
}

function describeText(r: TextTranslation): string {
  const head = `${r.translation ?? '—'}   [${r.status}${r.provider ? `, ${r.provider}` : ''}]`;
  const notes = r.segments.flatMap((s) => [
    ...(s.unknown?.length ? [`  unknown: ${s.unknown.join(', ')}`] : []),
    ...(s.proposal ? [`  proposal: ${s.proposal}`] : []),
    ...s.checks.map((c) => `  ${c.check}: ${c.message}`),
    ...(s.dropped?.length ? [`  dropped: ${s.dropped.join(', ')}`] : []),
    ...(s.reviewId ? [`  review: ${s.reviewId}`] : []),
    ...(s.error ? [`  provider: ${s.error}`] : []),
  ]);
  return [r.text, `  → ${head}`, ...notes].join('\n');
}

function fieldLine(label: string, f: LocalizedField): string {
  return `${label.padEnd(28)} ${f.text ?? `— (${f.source})`}   [${f.status}${f.provider ? `, ${f.provider}` : ''}]`;
}

function describeProduct(p: LocalizedProduct): string {
  const lines = [`${p.productId} on ${p.site}: ${p.note}`];
  for (const l of p.listings) {
    lines.push('', `${l.language} (${l.locale})${l.required ? '' : ' optional'}: ${l.status}`);
    lines.push(fieldLine('title', l.title));
    if (l.brand) lines.push(fieldLine('brand', l.brand));
    for (const o of l.options) {
      lines.push(fieldLine(`option ${o.name.source}`, o.name));
      for (const v of o.values) lines.push(fieldLine(`  ${v.source}`, v));
    }
    for (const a of l.attributes) lines.push(fieldLine(`${a.name.text ?? a.name.source}`, a.value));
    if (l.description) {
      const d = l.description;
      lines.push(
        `description: ${d.status}, ${d.translated}/${d.segments} text segments translated, ${d.omitted} domestic notices left out, ${d.needsTranslation} need translation, ${d.needsReview} need review`,
      );
    }
    if (l.facts.length) lines.push(`dropped tags: ${l.facts.join(', ')}`);
  }
  return lines.join('\n');
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function describeReport(r: TranslationReport): string {
  const rows = Object.entries(r.segments.byKind).map(([k, c]) => [
    k,
    c.total,
    c.machine,
    c.approved,
    c.needsReview,
    c.needsTranslation,
    c.omitted,
  ]);
  return [
    `${r.products} products for ${r.site} (${r.languages.join(', ')}) in ${(r.durationMs / 1000).toFixed(1)} s`,
    `titles fully translated: ${r.titles.fullyTranslated}/${r.titles.total} (${pct(r.titles.rate)})`,
    `segments: ${r.segments.total}; embedded engine translated ${r.engine.translated}; memory hits ${r.memory.hits} (${pct(r.memory.hitRate)} of translatable segments)`,
    `by provenance: ${Object.entries(r.byProvenance)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `to review: ${r.review.needsReview} segments need review, ${r.review.needsTranslation} need translation; open review items ${Object.entries(
      r.review.openItems,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    table(['field', 'segments', 'machine', 'approved', 'needs-review', 'needs-translation', 'omitted'], rows),
  ].join('\n');
}

async function texts(args: string[]): Promise<string[]> {
  return args.length > 0 ? args : readStdinLines();
}

function kindOf(field: string | undefined): FieldKind {
  const kind = (field ?? 'title') as FieldKind;
  if (!FIELD_KINDS.includes(kind)) {
    throw new AppError('invalid_input', `--field must be one of ${FIELD_KINDS.join(', ')}`, {
      details: { field },
    });
  }
  return kind;
}

/** Writes the sample catalog to a temporary NDJSON file and imports it (sellers included). */
async function importSample(ctx: CliContext, products: number): Promise<void> {
  const app = await ctx.app();
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-sample-'));
  const file = join(dir, 'sample.ndjson');
  try {
    const catalog = createSampleCatalog({
      sellers: Math.max(1, Math.round(products / 200)),
      products,
      seed: 'kbridge',
    });
    const out = createWriteStream(file);
    const closed = once(out, 'close');
    await writeCatalogNdjson(catalog.products(), out);
    await closed;
    await importCatalog(app.store, file, app.clock, {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function register(program: Command, ctx: CliContext): void {
  // `translate` takes --to/--json itself and has subcommands with the same options: commander keeps
  // them apart only with positional options, which must be enabled on every ancestor. The program
  // has no options of its own, so this changes nothing for other commands.
  program.enablePositionalOptions();
  const translate = program
    .command('translate')
    .description(
      'translate Korean listing text (term base, memory, configured providers); one input per line on stdin when no TEXT',
    )
    .argument('[text...]', 'texts to translate')
    // The subcommands have options of the same names (--to, --json): ours come before them.
    .enablePositionalOptions()
    .option(
      '--to <locale>',
      'target locale: en-US, en-SG, th-TH, vi-VN, id-ID, ms-MY, fil-PH, ur-PK, bn-BD, si-LK, ne-NP, my-MM, es-ES, pt-PT',
    )
    .option('--from <lang>', 'source language: ko (default) or en')
    .option('--field <kind>', `what the texts are (${FIELD_KINDS.join(', ')}); default title`)
    .option('--site <site>', "check against a site's limits and prohibited words (lazada-sg …)")
    .option('--seller <id>', 'translate for a seller (its glossary and memory)')
    .option('--brand <brand>', "the product's brand (brand glossary and memory)")
    .option('--no-memory', 'offline: term base only, no database, no review items')
    .option('--provider <name>', 'external providers to use: all (default), none, or one by name')
    .option(
      '--json',
      'one JSON object per input: {"text", "translation", "status", "provider", "segments": [...]}',
    )
    .action(async (args: string[], opts: TranslateOpts) => {
      if (!opts.to) throw new AppError('invalid_input', '--to is required (e.g. --to en-US)');
      const inputs = await texts(args);
      const service =
        opts.memory === false
          ? new TranslationService({ config: ctx.config })
          : translationService(await ctx.app());
      const results = await service.translateTexts(inputs, {
        to: opts.to,
        ...(opts.from ? { from: opts.from === 'en' ? 'en' : 'ko' } : {}),
        kind: kindOf(opts.field),
        site: opts.site,
        sellerId: opts.seller,
        brand: opts.brand,
        memory: opts.memory !== false,
        ...(opts.provider ? { providers: opts.provider } : {}),
      });
      for (const r of results) emit(!!opts.json, r, () => describeText(r));
    });

  translate
    .command('report')
    .description(
      'localize the catalog (or one seller) for a site and report the engine, memory and review counts',
    )
    .option('--site <site>', 'site whose languages and checks apply', 'lazada-sg')
    .option('--seller <id>', 'only this seller')
    .option('--limit <n>', 'at most this many products')
    .option('--sample <n>', 'first import a sample catalog of this many products (seed kbridge)')
    .option('--provider <name>', 'external providers: all (default), none, or one by name')
    .option('--json', 'print the report as JSON')
    .action(
      async (opts: {
        site: string;
        seller?: string;
        limit?: string;
        sample?: string;
        provider?: string;
        json?: boolean;
      }) => {
        const app = await ctx.app();
        if (opts.sample) await importSample(ctx, Number(opts.sample));
        const total = opts.limit ? Number(opts.limit) : undefined;
        const bar =
          process.stderr.isTTY && !opts.json
            ? new cliProgress.SingleBar(
                { format: 'translating [{bar}] {value} products', stream: process.stderr },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
        bar?.start(total ?? 0, 0);
        try {
          const report = await translationReport(translationService(app), {
            site: opts.site,
            sellerId: opts.seller,
            limit: total,
            ...(opts.provider ? { providers: opts.provider } : {}),
            onProgress: (n) => bar?.update(n),
          });
          bar?.stop();
          emit(!!opts.json, report, () => describeReport(report));
        } finally {
          bar?.stop();
        }
      },
    );

  const review = translate
    .command('review')
    .description('the review queue: segments that need a translation or failed a check');
  review
    .command('list')
    .description('open items (or approved/dismissed ones)')
    .option('--status <status>', 'open (default), approved, dismissed')
    .option('--reason <reason>', 'needs-review or needs-translation')
    .option('--to <lang>', 'one language (en, th …)')
    .option('--seller <id>', 'one seller')
    .option('--limit <n>', 'at most this many', '50')
    .option('--after <id>', 'items after this id')
    .option('--json', 'one JSON object per item')
    .action(
      async (opts: {
        status?: string;
        reason?: string;
        to?: string;
        seller?: string;
        limit: string;
        after?: string;
        json?: boolean;
      }) => {
        const app = await ctx.app();
        const items = await listReviewItems(app.store, OPERATOR_SCOPE, {
          status: opts.status as 'open' | 'approved' | 'dismissed' | undefined,
          reason: opts.reason as 'needs-review' | 'needs-translation' | undefined,
          language: opts.to,
          sellerId: opts.seller,
          after: opts.after,
          limit: Number(opts.limit),
        });
        if (opts.json) for (const i of items) emit(true, i, () => '');
        else
          emit(false, items, () =>
            items.length === 0
              ? 'no items'
              : table(
                  ['id', 'to', 'reason', 'uses', 'source', 'proposal / unknown'],
                  items.map((i) => [
                    i.id,
                    i.targetLang,
                    i.reason,
                    i.occurrenceCount,
                    i.sampleText.slice(0, 40),
                    (i.proposal ?? i.unknownWords.join(' ')).slice(0, 40),
                  ]),
                ),
          );
      },
    );

  const approve = async (
    id: string,
    opts: { text?: string; scope?: string; json?: boolean },
    scope: Scope = OPERATOR_SCOPE,
  ) => {
    const app = await ctx.app();
    const r = await approveReviewItem(translationService(app), scope, id, {
      text: opts.text,
      memoryScope: opts.scope as 'seller' | 'brand' | 'global' | undefined,
    });
    emit(!!opts.json, r, () =>
      [
        `${id} approved (${r.scope}): ${r.translation}`,
        `${r.closed} other open items for the same segment closed`,
        ...r.warnings.map((w) => `warning: ${w.message}`),
      ].join('\n'),
    );
  };
  review
    .command('approve')
    .description(
      'approve the proposal, or --text; it goes into the memory and is reused everywhere the segment occurs',
    )
    .argument('<id>', 'review item id')
    .option('--text <text>', 'the translation (write quantities and brands as shown, or ⟦n⟧)')
    .option('--scope <scope>', 'global (default for the operator), brand, or seller')
    .option('--json', 'print JSON')
    .action((id: string, opts: { text?: string; scope?: string; json?: boolean }) => approve(id, opts));
  review
    .command('edit')
    .description('approve with an edited translation')
    .argument('<id>', 'review item id')
    .requiredOption('--text <text>', 'the translation')
    .option('--scope <scope>', 'global (default), brand, or seller')
    .option('--json', 'print JSON')
    .action((id: string, opts: { text: string; scope?: string; json?: boolean }) => approve(id, opts));
  review
    .command('dismiss')
    .description('close an item without a translation')
    .argument('<id>', 'review item id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const item = await dismissReviewItem(translationService(await ctx.app()), OPERATOR_SCOPE, id);
      emit(!!opts.json, item, () => `${id} dismissed`);
    });

  const glossary = translate
    .command('glossary')
    .description('seller and brand glossaries, do-not-translate entries');
  glossary
    .command('list')
    .option('--seller <id>', 'one seller')
    .option('--to <lang>', 'one language')
    .option('--json', 'one JSON object per entry')
    .action(async (opts: { seller?: string; to?: string; json?: boolean }) => {
      const rows = await listGlossary((await ctx.app()).store, OPERATOR_SCOPE, {
        sellerId: opts.seller,
        language: opts.to,
        limit: 1000,
      });
      if (opts.json) for (const r of rows) emit(true, r, () => '');
      else
        emit(false, rows, () =>
          rows.length === 0
            ? 'no entries'
            : table(
                ['id', 'scope', 'to', 'source', 'target'],
                rows.map((r) => [r.id, r.scopeKey, r.targetLang, r.sourceText, r.targetText ?? '(keep)']),
              ),
        );
    });
  glossary
    .command('add')
    .description(
      "add or replace an entry: global, a brand's (--brand), a seller's (--seller), or a seller's brand",
    )
    .argument('<source>', 'Korean word or phrase')
    .argument('[target]', 'translation (omit with --dnt)')
    .option('--to <lang>', 'listing language', 'en')
    .option('--dnt', 'do not translate: keep the source as written, in every language')
    .option('--seller <id>', "the seller's glossary")
    .option('--brand <brand>', "the brand's glossary")
    .option('--note <text>', 'a note for people')
    .option('--json', 'print JSON')
    .action(
      async (
        source: string,
        target: string | undefined,
        opts: { to: string; dnt?: boolean; seller?: string; brand?: string; note?: string; json?: boolean },
      ) => {
        const app = await ctx.app();
        const entry = await addGlossaryEntry(
          app.store,
          OPERATOR_SCOPE,
          {
            source,
            target: opts.dnt ? null : target,
            language: opts.to,
            doNotTranslate: !!opts.dnt,
            sellerId: opts.seller,
            brand: opts.brand,
            note: opts.note,
          },
          app.clock,
        );
        emit(
          !!opts.json,
          entry,
          () =>
            `${entry.id} (${entry.scopeKey}, ${entry.targetLang}): ${entry.sourceText} → ${entry.targetText ?? '(keep)'}`,
        );
      },
    );
  glossary
    .command('remove')
    .argument('<id>', 'entry id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await removeGlossaryEntry((await ctx.app()).store, OPERATOR_SCOPE, id);
      emit(!!opts.json, { id, removed: true }, () => `${id} removed`);
    });

  translate
    .command('usage')
    .description('characters and requests sent to external providers, per day (cost accounting)')
    .option('--since <day>', 'YYYY-MM-DD')
    .option('--json', 'one JSON object per provider and day')
    .action(async (opts: { since?: string; json?: boolean }) => {
      const rows = await listUsage((await ctx.app()).store, opts.since);
      if (opts.json) for (const r of rows) emit(true, r, () => '');
      else
        emit(false, rows, () =>
          rows.length === 0
            ? 'no provider usage recorded'
            : table(
                ['day', 'provider', 'requests', 'characters', 'segments', 'failures', 'retries'],
                rows.map((r) => [
                  r.day,
                  r.provider,
                  r.requests,
                  r.characters,
                  r.segments,
                  r.failures,
                  r.retries,
                ]),
              ),
        );
    });

  translate
    .command('termbase')
    .description('what the shipped term base holds')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const tb = defaultTermBase();
      const s = { version: tb.version, ...tb.stats() };
      emit(!!opts.json, s, () =>
        [
          `term base ${s.version}: ${s.entries} entries (${s.vocabulary} in the 13-language vocabulary), ${s.brands} brands, ${s.counters} counters, ${s.patterns} patterns`,
          ...Object.entries(s.byDomain).map(([d, n]) => `  ${d}: ${n}`),
        ].join('\n'),
      );
    });

  translate
    .command('sites')
    .description('per site: languages a listing needs, title limits, forbidden characters')
    .option('--json', 'one JSON object per site')
    .action((opts: { json?: boolean }) => {
      const all = sitePolicies();
      if (opts.json) for (const p of all) emit(true, p, () => '');
      else
        emit(false, all, () =>
          table(
            ['site', 'required', 'optional', 'title limit', 'forbidden'],
            all.map((p) => [
              p.siteId,
              p.required.map((t) => t.locale).join(' '),
              p.optional.map((t) => t.locale).join(' '),
              [
                p.title.maxBytes ? `${p.title.maxBytes} bytes` : '',
                p.title.maxChars ? `${p.title.maxChars} chars` : '',
              ]
                .filter(Boolean)
                .join(', '),
              p.forbiddenCharacters,
            ]),
          ),
        );
    });

  program
    .command('localize')
    .description('localized listing content')
    .command('product')
    .description("a product's listing content for a site, each field with its translation status")
    .argument('<id>', 'product id (prd_…)')
    .option('--site <site>', 'lazada-sg, lazada-th, miravia-es, daraz-pk, aliexpress-global …', 'lazada-sg')
    .option('--optional', "also the site's optional languages (e.g. Thai on lazada-th)")
    .option('--provider <name>', 'external providers: all (default), none, or one by name')
    .option('--json', 'print JSON')
    .action(
      async (id: string, opts: { site: string; optional?: boolean; provider?: string; json?: boolean }) => {
        const app = await ctx.app();
        const result = await localizeProduct(translationService(app), OPERATOR_SCOPE, id, opts.site, {
          optional: !!opts.optional,
          ...(opts.provider ? { providers: opts.provider } : {}),
        });
        emit(!!opts.json, result, () => describeProduct(result));
      },
    );
}
