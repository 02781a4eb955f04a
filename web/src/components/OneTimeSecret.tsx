import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CopyField } from './CopyField';

/**
 * A secret the server shows only once (invitation link, API token): a
 * read-only field with a copy button. Takes the focus when it appears.
 */
export function OneTimeSecret({
  title,
  label,
  value,
  children,
}: {
  title: string;
  label: string;
  value: string;
  children: ReactNode;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [value]);

  return (
    <section className="secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <CopyField label={label} value={value} />
      {children}
    </section>
  );
}
