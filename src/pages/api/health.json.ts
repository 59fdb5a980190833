/** The library's health for maintainers, as `/health/` shows it (shape: src/lib/exports/shapes.ts). */
import type { APIRoute } from 'astro';
import { getHealth } from '../../astro/health.ts';

export const GET: APIRoute = async () => Response.json(await getHealth());
