/** A 1–5 rating as radio buttons, with "none". */
import { useId } from 'react';
import { useT } from './i18n';

export function RatingInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="rating">
      <legend>{label}</legend>
      {[undefined, 1, 2, 3, 4, 5].map((n) => (
        <label key={n ?? 0} title={n ? `${n}/5` : t('noRating')}>
          <input type="radio" name={name} checked={value === n} onChange={() => onChange(n)} />
          {n ?? '–'}
        </label>
      ))}
    </fieldset>
  );
}
