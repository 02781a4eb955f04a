import type { WaveRow } from '../../db/tables.js';
import { iso } from '../../lib/response-fields.js';
import type { TrendEntry } from './results.schemas.js';

/** The wave of one entry of a question's trend. */
export const trendWaveView = (wave: Pick<WaveRow, 'id' | 'title' | 'created_at'>): TrendEntry['wave'] => ({
  id: wave.id,
  title: wave.title,
  createdAt: iso(wave.created_at),
});
