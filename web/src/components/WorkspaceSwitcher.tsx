import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';

/**
 * A disclosure listing the caller's workspaces as links: unlike a select that
 * navigates on change, arrow keys do not jump between workspaces.
 */
export function WorkspaceSwitcher({ memberships }: { memberships: Me['memberships'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  const currentSlug = useMatch('/w/:ws/*')?.params.ws;
  const current = memberships.find((m) => m.workspace.slug === currentSlug);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !detailsRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  return (
    // Escape pressed on the menu's summary or links closes it; the keys come from those controls.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <details
      ref={detailsRef}
      className="switcher"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          detailsRef.current?.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="visually-hidden">{t('shell.workspace')}: </span>
        <span className="switcher-label">{current ? current.workspace.name : t('shell.chooseWorkspace')}</span>
      </summary>
      <ul className="switcher-list">
        {memberships.map(({ workspace }) => (
          <li key={workspace.slug}>
            <Link to={`/w/${workspace.slug}`} aria-current={workspace.slug === currentSlug ? 'page' : undefined}>
              {workspace.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
