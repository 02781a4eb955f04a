import { useTranslation } from 'react-i18next';

/**
 * What a move button shows: an arrow and the words "Nach oben"/"Nach unten".
 * Its accessible name starts with the same words ("Nach oben: Seite 2"), so
 * that voice control users can say what they see (WCAG 2.5.3 label in name);
 * the arrow is decoration.
 */
export function MoveWords({ direction }: { direction: 'up' | 'down' }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span> {t(`designer.move.${direction}`)}
    </>
  );
}
