import fs from 'node:fs';
import path from 'node:path';

/**
 * How a worker thread's script is loaded: the compiled JavaScript beside the caller in dist, or the TypeScript
 * source through tsx (dev, tests). `dir` is the caller's `__dirname`, `name` the script's name without extension.
 */
export function threadScript(dir: string, name: string): { filename: string; eval: boolean } {
  const compiled = path.join(dir, `${name}.js`);
  if (fs.existsSync(compiled)) return { filename: compiled, eval: false };
  const source = path.join(dir, `${name}.ts`);
  return { filename: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, eval: true };
}
