import type { Action, ActionBody } from '../../api/types';

/** The action form's fields as the inputs hold them (text), before they become a request body. */
export interface ActionFormState {
  title: string;
  decision: string;
  carrier: 'volunteers' | 'funding';
  cost: string;
  fundingSource: string;
  owner: string;
  dueOn: string;
  targets: Array<{ indicator: string; target: string }>;
}

export const emptyAction: ActionFormState = {
  title: '',
  decision: '',
  carrier: 'volunteers',
  cost: '',
  fundingSource: '',
  owner: '',
  dueOn: '',
  targets: [],
};

export const stateOf = (a: Action): ActionFormState => ({
  title: a.title,
  decision: a.decision ?? '',
  carrier: a.carrier,
  cost: a.cost === null ? '' : String(a.cost),
  fundingSource: a.fundingSource ?? '',
  owner: a.owner ?? '',
  dueOn: a.dueOn ?? '',
  targets: a.targets.map((t) => ({ indicator: t.indicator, target: String(t.target) })),
});

/** The request body; cost and source only for actions that need funding, empty target rows left out. */
export function bodyOf(s: ActionFormState): ActionBody & { title: string } {
  const funded = s.carrier === 'funding';
  return {
    title: s.title.trim(),
    decision: s.decision.trim() || null,
    carrier: s.carrier,
    cost: funded && s.cost.trim() !== '' ? Number(s.cost.replace(',', '.')) : null,
    fundingSource: funded ? s.fundingSource.trim() || null : null,
    owner: s.owner.trim() || null,
    dueOn: s.dueOn || null,
    targets: s.targets
      .filter((t) => t.indicator && t.target.trim() !== '')
      .map((t) => ({ indicator: t.indicator, target: Number(t.target.replace(',', '.')) })),
  };
}
