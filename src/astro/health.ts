/**
 * Astro-side glue of the library's health: computed once per build from the library model, what
 * the library checks read at the load (src/astro/pattern-loader.ts) and the export site's dates,
 * and shared by `/health/` and `/api/health.json`.
 */
import { getLibrary } from './collection.ts';
import { getExportSite } from './exports.ts';
import { libraryChecks } from './pattern-loader.ts';
import { libraryHealth } from '../lib/exports/health.ts';
import type { HealthExport } from '../lib/exports/shapes.ts';

let health: Promise<HealthExport> | undefined;

async function compute(): Promise<HealthExport> {
  const [library, site] = await Promise.all([getLibrary(), getExportSite()]);
  return libraryHealth({ library, checks: libraryChecks(), updated: site.updated });
}

/** The library's health, computed once. */
export function getHealth(): Promise<HealthExport> {
  health ??= compute();
  return health;
}
