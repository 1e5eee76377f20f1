import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { authHeaders, CliError, describeProblem, parseCommandLine, reasonOf, serviceUrl, type Io } from './service-client';
import type { z } from 'zod';
import type { ChangeFeedSchema, DatasetVersionPageSchema, ImportResultSchema } from '../datasets/dataset-schemas';

// What an upload is sent as, by the file's extension; `.gz` after one of these sends it gzipped.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.xml': 'application/xml', // the UN list
  '.zip': 'application/zip', // the OFAC SDN legacy CSV files, zipped
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', // the UK list, OFSI's XLSX
  '.csv': 'text/csv', // the UK list, OFSI's ConList.csv
};
// A version is its sha256; a prefix this long (or longer) is enough to name one among a dataset's versions.
const VERSION_PREFIX_MIN = 6;
// How versions are shown: as long a prefix as the service's own messages use.
const VERSION_SHOWN = 12;
// The problems of a refused file shown; the import log (GET /v1/datasets/{id}/imports) keeps them all.
const PROBLEMS_SHOWN = 5;
// Entries of each kind `changes` shows: a glance, not the feed (GET /v1/datasets/{id}/changes has all of it).
const ENTRIES_SHOWN_DEFAULT = 10;
// The largest page the service serves: a dataset's whole history is one or two requests.
const PAGE_SIZE = 500;

const USAGE = `usage: npm run lists -- <command> <dataset> [options]
       npx sanctions-screening lists <command> <dataset> [options]

commands:
  import <dataset> <file>   upload a new version of a list: the file as published (un: .xml; ofac-sdn: a .zip of
                            its CSV files; uk-sanctions: .xlsx or .csv; any of them .gz to send it gzipped)
  versions <dataset>        every version the service keeps, newest first; * marks the one in force
  changes <dataset>         what changed between two versions (default: the current one against the one it replaced)

  --url <url>       the service (default: $SCREENING_URL or http://127.0.0.1:3000)
  --key <key>       API key (default: $SCREENING_API_KEY; none in open development mode): import needs the admin
                    scope, versions and changes the read scope
  --source-date <YYYY-MM-DD>  import: the publication date, for a list file that carries none (OFAC legacy CSV)
  --force           import: accept a version the gates refuse (older than the one in force, an old version again,
                    more than 20 % of the entries dropped); never a file that does not parse or fails the checks
  --from <version>  changes: the older version (a prefix of at least ${VERSION_PREFIX_MIN} characters, as versions prints it, will do)
  --to <version>    changes: the newer version (likewise)
  --limit <n>       changes: entries shown of each kind (default: ${ENTRIES_SHOWN_DEFAULT})

Exit status: 0 when done (an import accepted or unchanged), 1 when the service refused or could not be reached,
2 on bad usage.`;

const COMMANDS = ['import', 'versions', 'changes'] as const;
type Command = (typeof COMMANDS)[number];

type ImportResult = z.infer<typeof ImportResultSchema>;
type DatasetVersion = z.infer<typeof DatasetVersionPageSchema>['items'][number];
type ChangeFeed = z.infer<typeof ChangeFeedSchema>;
type ChangeCounts = ChangeFeed['summary'];

interface Options {
  command: Command;
  dataset: string;
  file: string | undefined;
  url: string;
  key: string | undefined;
  force: boolean;
  sourceDate: string | undefined;
  from: string | undefined;
  to: string | undefined;
  limit: number;
}

/** How to reach the service: its address and the headers every request carries. */
interface Service {
  url: string;
  headers: Record<string, string>;
}

interface Upload {
  contentType: string;
  contentEncoding: 'gzip' | undefined;
}

const usageError = (message: string) => new CliError(`${message}\n${USAGE}`, 2);

/** The options, or 'help' when asked for the usage. */
function parseOptions(argv: string[], env: Io['env']): Options | 'help' {
  const parsed = parseCommandLine(
    argv,
    {
      force: { type: 'boolean', default: false },
      'source-date': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
    },
    USAGE,
  );
  const { positionals, values } = parsed;
  const [command, dataset, ...rest] = positionals;
  if (values.help) return 'help';
  if (command === undefined) throw new CliError(USAGE, 2);
  if (!(COMMANDS as readonly string[]).includes(command)) throw usageError(`unknown command "${command}"`);
  if (dataset === undefined) throw usageError(`${command} needs a dataset, such as "un"`);
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(dataset)) throw usageError(`"${dataset}" is not a dataset id (such as "un")`);
  const file = command === 'import' ? rest.shift() : undefined;
  if (command === 'import' && file === undefined) throw usageError('import needs the list file');
  if (rest.length > 0) throw usageError(`unexpected argument "${rest[0]}"`);
  if (values.force && command !== 'import') throw usageError('--force is for import');
  const sourceDate = values['source-date'];
  if (sourceDate !== undefined && (command !== 'import' || !/^\d{4}-\d{2}-\d{2}$/.test(sourceDate))) {
    throw usageError('--source-date is for import, as YYYY-MM-DD');
  }
  if ((values.from !== undefined || values.to !== undefined || values.limit !== undefined) && command !== 'changes') {
    throw usageError('--from, --to and --limit are for changes');
  }
  for (const [name, version] of [['--from', values.from], ['--to', values.to]] as const) {
    if (version !== undefined && !new RegExp(`^[0-9a-f]{${VERSION_PREFIX_MIN},64}$`).test(version)) {
      throw usageError(`${name} must be a version (its sha256 in hex) or a prefix of at least ${VERSION_PREFIX_MIN} characters, not "${version}"`);
    }
  }
  const limit = values.limit === undefined ? ENTRIES_SHOWN_DEFAULT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) throw usageError(`--limit must be a whole number, not "${values.limit}"`);
  return {
    command: command as Command,
    dataset,
    file,
    url: serviceUrl(values.url, env),
    key: values.key ?? env.SCREENING_API_KEY,
    force: values.force,
    sourceDate,
    from: values.from,
    to: values.to,
    limit,
  };
}

/** The content type (and encoding) a list file is sent with, from its extension: `x.xml`, `x.xml.gz`. */
function uploadOf(file: string): Upload {
  const name = file.toLowerCase();
  const gzipped = name.endsWith('.gz');
  const extension = path.extname(gzipped ? name.slice(0, -'.gz'.length) : name);
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) {
    const known = Object.keys(CONTENT_TYPES).flatMap((ext) => [ext, `${ext}.gz`]).join(', ');
    throw usageError(`cannot tell the type of ${file} from its extension (known: ${known})`);
  }
  return { contentType, contentEncoding: gzipped ? 'gzip' : undefined };
}

/**
 * `lists`: a client of the service's dataset versions. `import` uploads a list file (streamed, never read whole
 * into memory) and prints a one-line summary; `versions` prints the version history; `changes` what changed between
 * two versions. Never changes anything but through the service's API. Returns the exit code.
 */
export async function listsCommand(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  try {
    const options = parseOptions(argv, io.env);
    if (options === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const service: Service = { url: options.url, headers: authHeaders(options.key) };
    switch (options.command) {
      case 'import':
        io.stdout.write(`${importSummary(await importFile(service, options))}\n`);
        break;
      case 'versions':
        for (const version of await listVersions(service, options.dataset)) io.stdout.write(`${versionLine(version)}\n`);
        break;
      case 'changes':
        io.stdout.write(changeReport(await changes(service, options), options.limit));
        break;
    }
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`lists failed: ${reasonOf(error)}\n`);
    return 1;
  }
}

/** POST /v1/datasets/{id}/versions with the file streamed as the body; a refusal is a CliError naming its problems. */
async function importFile(service: Service, options: Options): Promise<ImportResult> {
  const file = options.file!;
  const upload = uploadOf(file);
  await fs.promises.access(file, fs.constants.R_OK).catch(() => {
    throw new CliError(`cannot read ${file}`);
  });
  const query = new URLSearchParams({ ...(options.force ? { force: 'true' } : {}), ...(options.sourceDate !== undefined ? { sourceDate: options.sourceDate } : {}) }).toString();
  const response = await send(service, `/v1/datasets/${options.dataset}/versions${query === '' ? '' : `?${query}`}`, {
    method: 'POST',
    headers: { 'Content-Type': upload.contentType, ...(upload.contentEncoding ? { 'Content-Encoding': upload.contentEncoding } : {}) },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 200 && response.status !== 201) throw new CliError(`the service refused ${file}: ${await describeProblem(response, { problemsShown: PROBLEMS_SHOWN, moreHint: 'all of them: GET /v1/datasets/{id}/imports' })}`);
  return (await response.json()) as ImportResult;
}

/** Every version of the dataset, newest first, following the pages. */
async function listVersions(service: Service, dataset: string): Promise<DatasetVersion[]> {
  const versions: DatasetVersion[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const page = await getJson<{ items: DatasetVersion[]; nextCursor: string | null }>(service, `/v1/datasets/${dataset}/versions${query}`);
    versions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return versions;
}

/** GET /v1/datasets/{id}/changes, with --from and --to resolved to whole versions first when given as prefixes. */
async function changes(service: Service, options: Options): Promise<ChangeFeed> {
  const prefixes = [options.from, options.to];
  const known = prefixes.some((v) => v !== undefined && v.length < 64) ? await listVersions(service, options.dataset) : [];
  const [from, to] = prefixes.map((prefix) => (prefix === undefined || prefix.length === 64 ? prefix : resolveVersion(options.dataset, prefix, known)));
  const query = new URLSearchParams({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }).toString();
  return getJson<ChangeFeed>(service, `/v1/datasets/${options.dataset}/changes${query ? `?${query}` : ''}`);
}

function resolveVersion(dataset: string, prefix: string, versions: readonly DatasetVersion[]): string {
  const found = versions.filter((v) => v.version.startsWith(prefix));
  if (found.length === 0) throw new CliError(`dataset "${dataset}" has no version starting with "${prefix}" (see: lists versions ${dataset})`);
  if (found.length > 1) throw new CliError(`"${prefix}" names ${found.length} versions of "${dataset}"; give more of it`);
  return found[0]!.version;
}

async function send(service: Service, route: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${service.url}${route}`, { ...init, headers: { Accept: 'application/json', ...service.headers, ...(init.headers as Record<string, string>) } });
  } catch (error) {
    throw new CliError(`cannot reach the service at ${service.url}: ${reasonOf(error)}`);
  }
}

async function getJson<T>(service: Service, route: string): Promise<T> {
  const response = await send(service, route);
  if (!response.ok) throw new CliError(`GET ${route} failed: ${await describeProblem(response)}`);
  return (await response.json()) as T;
}

const short = (version: string | null) => (version === null ? 'none' : version.slice(0, VERSION_SHOWN));
const counts = (c: ChangeCounts) => `+${c.added} −${c.removed} ~${c.amended}${c.metadataOnly > 0 ? ` (${c.metadataOnly} metadata only)` : ''}`;

/** `accepted: un 2024-09-26, version c6ca6996ab12, 875 entries, +46 −185 ~201 against 2b1e0ac1f3d4; import <id>` */
function importSummary(result: ImportResult): string {
  const what = `${result.status}: ${result.id} ${result.sourceDate ?? '(undated)'}, version ${short(result.version)}, ${result.entityCount} entries`;
  const changed = result.changes ? `, ${counts(result.changes)} against ${short(result.previousVersion)}` : '';
  const notes = [result.reason, result.status === 'accepted' && !result.switched ? 'this replica has not switched to it yet' : null].filter((n) => n !== null);
  return `${what}${changed}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}; import ${result.importId}`;
}

/** `* c6ca6996ab12  2024-09-26   875 entries  imported 2026-03-01T10:00:00.000Z by upload  +46 −185 ~201  current` */
function versionLine(v: DatasetVersion): string {
  return [
    `${v.current ? '*' : ' '} ${short(v.version)}`,
    (v.sourceDate ?? '(undated)').padEnd(10),
    `${String(v.entityCount).padStart(5)} entries`,
    `imported ${v.importedAt} by ${v.trigger ?? 'unknown'}${v.importedBy ? ` (key ${v.importedBy})` : ''}`,
    ...(v.previousVersion !== null && v.changes ? [counts(v.changes)] : v.trigger === 'remap' ? [] : ['first version']),
    ...(v.current ? ['current'] : []),
  ].join('  ');
}

/** The counts, then the first `limit` entries of each kind: reference number, name and, when amended, the fields changed. */
function changeReport(feed: ChangeFeed, limit: number): string {
  const entry = (e: ChangeFeed['added'][number]) => `${e.referenceNumber ?? e.entityId}  ${e.primaryName} (${e.type})`;
  const section = <T extends ChangeFeed['added'][number]>(title: string, entries: readonly T[], line: (e: T) => string) =>
    entries.length === 0
      ? []
      : [`${title} (${entries.length}):`, ...entries.slice(0, limit).map((e) => `  ${line(e)}`), ...(entries.length > limit ? [`  … and ${entries.length - limit} more`] : [])];
  const fields = (changes: ReadonlyArray<{ field: string }>) => changes.map((c) => c.field).join(', ');
  return `${[
    `${feed.datasetId} ${short(feed.from)} → ${short(feed.to)}: ${counts(feed.summary)}`,
    ...section('added', feed.added, entry),
    ...section('removed', feed.removed, entry),
    ...section('amended', feed.amended, (e) => `${entry(e)}: ${fields(e.changes)}`),
    ...section('metadata only', feed.metadataOnly, (e) => `${entry(e)}: ${fields(e.changes)}`),
  ].join('\n')}\n`;
}

if (require.main === module) {
  listsCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
