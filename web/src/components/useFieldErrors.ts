import { useEffect, useRef, useState } from 'react';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * Client-side checks for one form. `check` shows the given errors and, when
 * there are any, moves the focus to the first invalid field.
 */
export function useFieldErrors<Field extends string>() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** True when the form may be sent. */
  function check(found: FieldErrors<Field>): boolean {
    setErrors(found);
    const valid = Object.values(found).every((message) => !message);
    if (!valid) setFocusRequest((n) => n + 1);
    return valid;
  }

  return { formRef, errors, check };
}
