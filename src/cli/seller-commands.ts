import type { Command } from 'commander';
import { createSeller, formatBizNo, listSellers } from '../catalog/index.ts';
import { OPERATOR_SCOPE } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

export function register(program: Command, ctx: CliContext): void {
  const sellers = program.command('sellers').description('Korean sellers whose catalogs kbridge exports');

  sellers
    .command('create')
    .description('register a seller (the 사업자등록번호 check digit is verified)')
    .requiredOption('--name <name>', 'company name, e.g. 주식회사 라운드랩')
    .requiredOption('--biz-no <number>', '사업자등록번호, e.g. 220-81-62517')
    .option('--contact-name <name>', 'contact person')
    .option('--email <email>', 'contact e-mail')
    .option('--phone <phone>', 'contact phone')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        name: string;
        bizNo: string;
        contactName?: string;
        email?: string;
        phone?: string;
        json?: boolean;
      }) => {
        const app = await ctx.app();
        const seller = await createSeller(
          app.store.db,
          {
            name: opts.name,
            bizNo: opts.bizNo,
            contactName: opts.contactName,
            contactEmail: opts.email,
            contactPhone: opts.phone,
          },
          app.clock,
        );
        emit(
          !!opts.json,
          seller,
          () => `created seller ${seller.id} ${seller.name} (${formatBizNo(seller.bizNo)})`,
        );
      },
    );

  sellers
    .command('list')
    .description('list sellers')
    .option('--limit <n>', 'at most this many', '100')
    .option('--after <id>', 'page: sellers after this id')
    .option('--json', 'print JSON')
    .action(async (opts: { limit: string; after?: string; json?: boolean }) => {
      const app = await ctx.app();
      const rows = await listSellers(app.store.db, OPERATOR_SCOPE, {
        limit: Number(opts.limit),
        after: opts.after,
      });
      emit(!!opts.json, rows, () =>
        rows.length === 0
          ? 'no sellers yet: kbridge sellers create --name ... --biz-no ...'
          : table(
              ['id', 'name', 'biz no', 'status'],
              rows.map((s) => [s.id, s.name, formatBizNo(s.bizNo), s.status]),
            ),
      );
    });
}
