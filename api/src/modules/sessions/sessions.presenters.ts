import type { PrioritisationSessionRow, SessionOptionRow } from '../../db/tables.js';
import { iso, isoOrNull } from '../../lib/response-fields.js';
import type { PublicSession, Session } from './sessions.schemas.js';

export const sessionUrl = (publicUrl: string, key: string) => `${publicUrl}/v/${key}`;

type Totals = Map<string, { total: number; voters: number }>;

/**
 * A session with its totals. Below the workspace's minimum group size no
 * total is shown at all (DESIGN §3): with three participants, one person's
 * dots could be read off the bars.
 */
export function sessionView(
  s: PrioritisationSessionRow,
  options: SessionOptionRow[],
  totals: Totals,
  participants: number,
  context: { publicUrl: string; minGroupSize: number; wave: { id: string; title: string } | null },
): Session {
  const suppressed = participants < context.minGroupSize;
  return {
    id: s.id,
    key: s.key,
    url: sessionUrl(context.publicUrl, s.key),
    title: s.title,
    method: s.method,
    points: s.points,
    status: s.status,
    closedAt: isoOrNull(s.closed_at),
    wave: context.wave,
    question: s.question,
    participants,
    minGroupSize: context.minGroupSize,
    suppressed,
    needed: Math.max(0, context.minGroupSize - participants),
    options: options.map((o) => {
      const t = totals.get(o.id) ?? { total: 0, voters: 0 };
      return {
        id: o.id,
        label: o.label,
        codeId: o.code_id,
        total: suppressed ? null : t.total,
        voters: suppressed ? null : t.voters,
        mean: suppressed || s.method !== 'rating' || t.voters === 0 ? null : Math.round((t.total / t.voters) * 10) / 10,
      };
    }),
    createdAt: iso(s.created_at),
  };
}

export const publicSessionView = (s: PrioritisationSessionRow, options: SessionOptionRow[]): PublicSession => ({
  title: s.title,
  method: s.method,
  points: s.points,
  status: s.status,
  options: options.map((o) => ({ id: o.id, label: o.label })),
});
