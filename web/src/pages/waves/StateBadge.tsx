import { useTranslation } from 'react-i18next';
import type { WaveState } from '../../api/waves';

/** Whether a wave takes answers now. */
export function StateBadge({ state }: { state: WaveState }) {
  const { t } = useTranslation();
  return <span className={`badge wave-state wave-state-${state}`}>{t(`waves.state.${state}`)}</span>;
}
