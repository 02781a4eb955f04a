import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/indicators';
import { CheckboxField, SelectField } from '../../components/TextField';
import type { Row } from './useSectionRows';

/** The settings of the key figures and the activities: which indicators count members and reach, and the appendix. */
export function SectionOptions({ ws, row, set }: { ws: string; row: Row; set: (patch: Partial<Row>) => void }) {
  const { t } = useTranslation();
  const indicators = useIndicators(ws);
  if (row.kind === 'output')
    return (
      <CheckboxField
        label={t('report.editor.activityList')}
        checked={row.activityList ?? false}
        onChange={(e) => set({ activityList: e.target.checked ? true : undefined })}
      />
    );
  if (row.kind !== 'key_figures') return null;
  const options = [
    { value: '', label: t('report.editor.none') },
    ...(indicators.data?.indicators ?? []).map((i) => ({ value: i.key, label: i.name })),
  ];
  return (
    <>
      <SelectField
        label={t('report.editor.members')}
        value={row.members ?? ''}
        options={options}
        onChange={(e) => set({ members: e.target.value || undefined })}
      />
      <SelectField
        label={t('report.editor.reach')}
        value={row.reach ?? ''}
        options={options}
        onChange={(e) => set({ reach: e.target.value || undefined })}
      />
    </>
  );
}
