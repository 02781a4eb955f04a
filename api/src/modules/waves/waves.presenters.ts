import type { WaveInvitationRow, WaveRow } from '../../db/tables.js';
import { iso, isoOrNull } from '../../lib/response-fields.js';
import type { WaveCounts } from './waves.repo.js';
import type { PrivacyNotice, Wave, WaveInvitation } from './waves.schemas.js';

/** What the service works out for a wave beside its row. */
export type WaveFacts = {
  /** The questionnaire's slug. */
  questionnaire: string;
  state: Wave['state'];
  url: string;
  counts: WaveCounts | undefined;
  privacyNotice: PrivacyNotice;
  defaultPrivacyNotice: PrivacyNotice;
};

/** A wave as the organisers' pages show it. */
export function waveView(wave: WaveRow, facts: WaveFacts): Wave {
  const complete = facts.counts?.complete ?? 0;
  const partial = facts.counts?.partial ?? 0;
  return {
    id: wave.id,
    title: wave.title,
    questionnaire: facts.questionnaire,
    version: wave.version,
    access: wave.access,
    anonymous: wave.anonymous,
    status: wave.status,
    state: facts.state,
    opensAt: isoOrNull(wave.opens_at),
    closesAt: isoOrNull(wave.closes_at),
    key: wave.key,
    url: facts.url,
    retentionDays: wave.retention_days,
    // held: anonymous invitation waves show new answers only in batches (DESIGN §3); these wait for the next.
    responses: { complete, partial, held: facts.counts?.held ?? 0 },
    completionRate: complete + partial === 0 ? null : complete / (complete + partial),
    lastResponseOn: facts.counts?.lastResponseOn ?? null,
    privacyNotice: facts.privacyNotice,
    privacyNoticeCustom: wave.privacy_notice !== null,
    defaultPrivacyNotice: facts.defaultPrivacyNotice,
    createdAt: iso(wave.created_at),
  };
}

/** A personal invitation of a wave, without its token. */
export const waveInvitationView = (
  i: Pick<WaveInvitationRow, 'id' | 'label' | 'used_on' | 'created_at'>,
): WaveInvitation => ({
  id: i.id,
  label: i.label,
  usedOn: i.used_on,
  createdAt: iso(i.created_at),
});
