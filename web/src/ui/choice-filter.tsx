import { useI18n } from '../i18n/i18n';

/** A labelled select over a closed list, with "All" for no filter (''). */
export function ChoiceFilter<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T | '')}>
        <option value="">{t('common.all')}</option>
        {props.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}
