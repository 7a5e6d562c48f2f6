import { Command } from 'commander';
import type { CliContext } from './context.ts';
import { register as registerListings } from './listings-commands.ts';
import { register as registerDb } from './db-commands.ts';
import { register as registerSellers } from './seller-commands.ts';
import { register as registerCatalog } from './catalog-commands.ts';
import { register as registerServer } from './server-commands.ts';
import { register as registerUnits } from './units-commands.ts';
import { register as registerMarketplace } from './marketplace-commands.ts';
import { register as registerSample } from './sample-commands.ts';
import { register as registerPrice } from './price-commands.ts';
import { register as registerSandbox } from './sandbox-commands.ts';
import { register as registerOrders } from './orders-commands.ts';
import { register as registerInventory } from './inventory-commands.ts';
import { register as registerTranslate } from './translate-commands.ts';
import { register as registerListingsCategory } from './listings-category-commands.ts';
import { register as registerImage } from './image-commands.ts';

/** A capability's commands: each file in this folder exports one `register`. */
export type CommandRegistration = (program: Command, ctx: CliContext) => void;

const REGISTRATIONS: CommandRegistration[] = [
  registerListings,
  registerDb,
  registerSellers,
  registerCatalog,
  registerServer,
  registerUnits,
  registerMarketplace,
  registerSample,
  registerPrice,
  registerSandbox,
  registerOrders,
  registerInventory,
  registerTranslate,
  registerListingsCategory,
  registerImage,
];

/** Builds the `kbridge` program with every capability's commands. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('kbridge')
    .description('kbridge: export Korean catalogs to Lazada, Daraz, Miravia and AliExpress')
    .showHelpAfterError()
    .exitOverride();
  for (const register of REGISTRATIONS) register(program, ctx);
  return program;
}
