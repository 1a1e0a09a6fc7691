/**
 * `npm run import -- <layer> <file> [options]`, or `npm run import -- <layer> --help` for what the layer asks of a file.
 *
 * Imports a GeoJSON file or a zipped Shapefile into a registry layer, all or nothing, and prints how many
 * rows were written or why nothing was. Exit code: 0 imported (or dry run passed), 1 refused, 2 usage.
 * The database is DATABASE_URL when set, otherwise the embedded cluster (started if needed).
 */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/open-database.ts';
import { describeImportTarget } from '../server/import/describe-import-target.ts';
import { formatImportReport } from '../server/import/format-import-report.ts';
import { importFile, unknownLayerIssue } from '../server/import/import-file.ts';
import { IMPORT_USAGE, parseImportArgs } from '../server/import/parse-import-args.ts';
import { LayerRegistry } from '../server/layers/registry.ts';

async function main(argv: string[]): Promise<number> {
  const { command, help, error } = parseImportArgs(argv);
  const registry = new LayerRegistry();
  if (help) {
    const layer = help.layerId === undefined ? undefined : registry.find(help.layerId);
    if (help.layerId !== undefined && !layer) {
      console.error(unknownLayerIssue(help.layerId, registry.ids).message[help.language]);
      return 2;
    }
    console.log(layer ? `${IMPORT_USAGE}\n\n${describeImportTarget(layer, help.language)}` : IMPORT_USAGE);
    return 0;
  }
  if (!command) {
    console.error(`import: ${error}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  // Checked before the database opens: starting the embedded cluster takes seconds.
  if (!registry.find(command.layerId)) {
    console.error(unknownLayerIssue(command.layerId, registry.ids).message[command.language]);
    return 1;
  }
  const database = await openDatabase(loadConfig(), (message) => console.error(`import: ${message}`));
  try {
    const report = await importFile(database.pool, registry, command.layerId, command.filePath, command.options);
    const text = formatImportReport(report, command.language, command.maxIssues);
    if (report.status === 'rejected') console.error(text);
    else console.log(text);
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
