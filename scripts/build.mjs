// `npm run build`: src/ bundled by esbuild into dist/ (the entry main.js and the chunks it loads on
// demand), then the launcher as dist/cli.js. Types are checked by `npm run typecheck`, not here.
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli.tsx' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  logLevel: 'warning',
  // The package's two dependencies, installed beside it: pop-core is loaded through
  // createRequire, cron-parser only when a schedule needs it. Ink imports devtools only in DEV.
  external: ['react-devtools-core', '@alicloud/pop-core', 'cron-parser'],
  // Bundled CommonJS packages call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __catopRequire } from 'node:module'; const require = __catopRequire(import.meta.url);" },
});
copyFileSync('src/launch.js', 'dist/cli.js');
chmodSync('dist/cli.js', 0o755);
