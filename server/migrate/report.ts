/** What an import tells a person: a progress bar on a terminal, and a plain summary at the end. */
import cliProgress from 'cli-progress';
import type { Progress } from './import.ts';
import type { Note, Summary } from './staging.ts';

/** Notes printed per list; the rest are counted. */
const SHOWN = 20;
const n = (x: number) => x.toLocaleString('en-US');
const count = (x: number, noun: string) => `${n(x)} ${noun}${x === 1 ? '' : 's'}`;

/** A progress callback drawing on `stream` if it is a terminal, else nothing; stop() clears it. */
export function progressBar(stream: NodeJS.WriteStream): { update(p: Progress): void; stop(): void } {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {percentage}% {detail}', barsize: 30, hideCursor: true, clearOnComplete: true, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let phase: Progress['phase'] | null = null;
  return {
    update(p) {
      const total = p.total ?? 0;
      const detail =
        p.phase === 'read'
          ? `${(p.done / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}`
          : `${n(p.done)} of ${n(total)} threads`;
      const label = p.phase === 'read' ? 'reading' : 'writing';
      if (phase !== p.phase) {
        if (phase) bar.stop();
        bar.start(Math.max(total, 1), p.done, { phase: label, detail });
        phase = p.phase;
      } else bar.update(p.done, { phase: label, detail });
    },
    stop: () => bar.stop(),
  };
}

function notes(title: string, list: Note[], count: number): string[] {
  const lines = [`  ${title.padEnd(11)}${n(count)}`];
  const sorted = [...list].sort((a, b) => a.line - b.line);
  for (const note of sorted.slice(0, SHOWN)) lines.push(`    ${note.line ? `line ${note.line}: ` : ''}${note.message}`);
  if (count > SHOWN) lines.push(`    … and ${n(count - SHOWN)} more`);
  return lines;
}

/** The summary as lines of text; `partial` says whether --partial was given. */
export function describe(summary: Summary, options: { dryRun: boolean; partial: boolean }): string {
  const skipped = Object.entries(summary.skippedBy)
    .map(([reason, count]) => `${reason} ${n(count)}`)
    .join(', ');
  const verb = summary.written ? 'imported' : 'to import';
  const lines = [
    `  ${verb.padEnd(11)}${count(summary.imported, 'comment')} in ${count(summary.threads, 'thread')}`,
    `  ${'duplicates'.padEnd(11)}${n(summary.duplicates)}`,
    `  ${'skipped'.padEnd(11)}${n(summary.skipped)}${skipped ? ` (${skipped})` : ''}`,
    ...notes('errors', summary.fatal ? [summary.fatal, ...summary.errors] : summary.errors, summary.errorCount + (summary.fatal ? 1 : 0)),
    ...notes('warnings', summary.warnings, summary.warningCount),
  ];
  if (options.dryRun) lines.push('dry run: nothing was written');
  else if (!summary.written) lines.push('nothing was written: correct the file, or run again with --partial to import what could be read');
  else if (summary.fatal || summary.errorCount > 0) lines.push('written without what is in error (--partial)');
  return lines.join('\n');
}
