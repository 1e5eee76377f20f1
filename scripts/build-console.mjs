#!/usr/bin/env node
// Builds the analyst console (src/console) into dist/console/: type-checks it (esbuild does not), bundles
// main.ts with its one library (Cytoscape.js) into console.js, and copies index.html and console.css. The service
// serves dist/console at /console (src/http/console-routes.ts); nothing is fetched from elsewhere at run time.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src', 'console');
const target = path.join(root, 'dist', 'console');
const check = !process.argv.includes('--no-check');

if (check) {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', path.join(source, 'tsconfig.json')], { stdio: 'inherit' });
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const result = await build({
  entryPoints: [path.join(source, 'main.ts')],
  outfile: path.join(target, 'console.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
copyFileSync(path.join(source, 'index.html'), path.join(target, 'index.html'));
copyFileSync(path.join(source, 'console.css'), path.join(target, 'console.css'));

const bytes = result.metafile.outputs[path.relative(process.cwd(), path.join(target, 'console.js'))]?.bytes;
process.stdout.write(`built ${path.relative(root, target)}/ (console.js ${bytes ? `${Math.round(bytes / 1024)} KiB` : ''})\n`);
