/**
 * Whether a wave takes answers, decided in one place and on one clock: the
 * database's `now()`. Every process (and the statements that store answers)
 * then agree on the moment a wave opens or closes, whatever the clocks of
 * the machines running Node say.
 */
export type WaveState = 'open' | 'closed' | 'not_open';

/**
 * The SQL expression of a wave's state, over the table `waves` (unaliased).
 * A constant: it holds no value, only column names. Repos select it as
 * `state` or compare it with 'open' where answers are stored.
 */
export const WAVE_STATE_SQL = `(case
  when waves.status = 'closed' or waves.closes_at <= now() then 'closed'
  when waves.opens_at > now() then 'not_open'
  else 'open' end)`;
