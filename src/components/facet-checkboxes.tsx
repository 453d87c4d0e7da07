// One facet as a group of checkboxes: each value named by its label, described by how many events it would match
// given the other filters; values with no matches stay listed, marked as such.
import { useId } from 'react';
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
  const actions = useAppActions();
  const idPrefix = useId();
  if (!values.length) return null;

  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <ul className="facet__values">
        {values.map((value) => {
          const count = counts?.get(value.id) ?? 0;
          const inputId = `${idPrefix}-${value.id}`;
          const countId = `${inputId}-count`;
          return (
            <li key={value.id} className={count === 0 ? 'facet__value facet__value--empty' : 'facet__value'}>
              <input
                id={inputId}
                type="checkbox"
                className="facet__checkbox"
                checked={selected.includes(value.id)}
                aria-describedby={countId}
                onChange={() => actions.toggleFacetValue(facet, value.id)}
              />
              <label htmlFor={inputId} className="facet__label">
                {value.label}
              </label>
              <span id={countId} className="facet__count">
                <span aria-hidden="true">{count}</span>
                <span className="visually-hidden">{formatMatchCount(count)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
