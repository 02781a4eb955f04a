import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** Visible text of the first button, e.g. "Remove". */
  label: string;
  /** Its accessible name where the visible text alone is ambiguous (one per table row). */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  /** False for actions that replace rather than destroy: the first button then looks like any other. */
  danger?: boolean;
}

/** A destructive action that asks once more in place, keyboard-friendly and without a modal. */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pending,
  onConfirm,
  danger = true,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Keep the focus where the user is working: on the question, then back on the button.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={startRef}
        type="button"
        className={danger ? 'button-danger' : undefined}
        aria-label={accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button-danger"
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
