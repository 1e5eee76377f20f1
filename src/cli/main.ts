#!/usr/bin/env node
import { alertsCommand } from './alerts';
import { keysCommand } from './keys';
import { listsCommand } from './lists';
import { screenFile } from './screen-file';

const USAGE = `usage: sanctions-screening <command> [arguments]

commands:
  screen-file <file> [options]   screen a CSV or NDJSON file as one batch job (--help for its options)
  keys <create|list|revoke> ...  manage API keys (uses DATABASE_URL or the PGlite data directory)
  lists <command> <dataset> ...  import a list version, show the versions or what changed (--help for more)
  alerts [options]               list the alerts ongoing monitoring raised (--help for the filters)`;

/** The package's `bin`: dispatches to one command. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'screen-file':
      process.exit(await screenFile(rest));
      break;
    case 'keys':
      process.exit(await keysCommand(rest));
      break;
    case 'lists':
      process.exit(await listsCommand(rest));
      break;
    case 'alerts':
      process.exit(await alertsCommand(rest));
      break;
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exit(command === undefined || command === '--help' ? 0 : 2);
  }
}

void main(process.argv.slice(2));
