// One facet as a group of checkboxes: each value named by its label, described by how many events it would match
// given the other filters; values with no matches stay listed, marked as such.
import { memo, useId } from 'react';
import { useAppActions, useAppStore } from '../store/app-store.ts';
import { selectFacetCounts } from '../store/selectors.ts';

export interface FacetValue {
  readonly id: string;
  readonly label: string;
}

export interface FacetCheckboxesProps {
  readonly facet: 'countries' | 'types';
  readonly legend: string;
  readonly values: readonly FacetValue[];
}

export function formatMatchCount(count: number): string {
  if (count === 0) return 'no matching events';
  return count === 1 ? '1 event' : `${count} events`;
}

export function FacetCheckboxes({ facet, legend, values }: FacetCheckboxesProps) {
  const selected = useAppStore((state) => state[facet]);
  const counts = useAppStore(selectFacetCounts)?.[facet];
  const idPrefix = useId();
  if (!values.length) return null;

  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <ul className="facet__values">
        {values.map((value) => (
          <FacetValueRow
            key={value.id}
            facet={facet}
            valueId={value.id}
            label={value.label}
            inputId={`${idPrefix}-${value.id}`}
            checked={selected.includes(value.id)}
            count={counts?.get(value.id) ?? 0}
          />
        ))}
      </ul>
    </fieldset>
  );
}

interface FacetValueRowProps {
  readonly facet: FacetCheckboxesProps['facet'];
  readonly valueId: string;
  readonly label: string;
  readonly inputId: string;
  readonly checked: boolean;
  readonly count: number;
}

/** One value, re-rendered only when its own count or check changes: a toggle changes a few of them, not all. */
const FacetValueRow = memo(function FacetValueRow({ facet, valueId, label, inputId, checked, count }: FacetValueRowProps) {
  const actions = useAppActions();
  const countId = `${inputId}-count`;
  return (
    <li className={count === 0 ? 'facet__value facet__value--empty' : 'facet__value'}>
      <input
        id={inputId}
        type="checkbox"
        className="facet__checkbox"
        checked={checked}
        aria-describedby={countId}
        onChange={() => actions.toggleFacetValue(facet, valueId)}
      />
      <label htmlFor={inputId} className="facet__label">
        {label}
      </label>
      <span id={countId} className="facet__count">
        <span aria-hidden="true">{count}</span>
        <span className="visually-hidden">{formatMatchCount(count)}</span>
      </span>
    </li>
  );
});
