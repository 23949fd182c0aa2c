import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  DateTimeInput,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  regex,
  required,
  type Validator,
} from 'react-admin';
import type { FieldDefinition } from '../../api/types.js';
import { RatingInput } from './rating-input.js';

/**
 * How the engine checks a phone number (digits, spaces, +, - and brackets).
 * @example
 * PHONE_PATTERN.test('138 0000 0000'); // true
 */
export const PHONE_PATTERN = /^[0-9+\-\s()]{3,24}$/;

const integer: Validator = (value: unknown) => (value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'shuoshi.validation.integer');

/**
 * The validators of a field from its definition: required, length, range, whole numbers, phone.
 * @example
 * fieldValidators({ type: 'integer', label, min: 1 }, true).length; // 4
 */
export function fieldValidators(field: FieldDefinition, isRequired: boolean): Validator[] {
  const validators: Validator[] = [];
  if (isRequired) validators.push(required());
  if (field.maxLength !== undefined) validators.push(maxLength(field.maxLength));
  if (field.type === 'number' || field.type === 'integer' || field.type === 'money' || field.type === 'rating') {
    validators.push(number());
    const min = field.min ?? (field.type === 'rating' ? 1 : undefined);
    const max = field.max ?? (field.type === 'rating' ? 5 : undefined);
    if (min !== undefined) validators.push(minValue(min));
    if (max !== undefined) validators.push(maxValue(max));
  }
  if (field.type === 'integer' || field.type === 'rating') validators.push(integer);
  if (field.type === 'phone') validators.push(regex(PHONE_PATTERN, 'shuoshi.validation.phone'));
  return validators;
}

/**
 * One form input for a workflow field, chosen by its type (text, longtext, number, integer,
 * money, boolean, date, datetime, select, multiselect, phone, rating), labelled in the user's
 * language, with the field's help text and validators.
 * @example
 * <FieldInput id="category" field={workflow.fields.category} label="诉求类别" required />
 */
export function FieldInput({ id, field, label, helperText, required: isRequired = false, optionLabel }: { id: string; field: FieldDefinition; label: string; helperText?: string; required?: boolean; optionLabel: (option: { value: string; label: { zh: string; en: string } }) => string }) {
  const validate = fieldValidators(field, isRequired);
  const common = { source: id, label, validate, ...(helperText ? { helperText } : {}) };
  const choices = (field.options ?? []).map((option) => ({ id: option.value, name: optionLabel(option) }));
  switch (field.type) {
    case 'longtext':
      return <TextInput {...common} multiline minRows={3} fullWidth />;
    case 'number':
      return <NumberInput {...common} fullWidth />;
    case 'integer':
      return <NumberInput {...common} step={1} fullWidth />;
    case 'money':
      return <NumberInput {...common} step={0.01} fullWidth />;
    case 'boolean':
      // A required yes/no must be answered, so it is asked as a choice rather than a switch that starts at "no".
      return isRequired ? (
        <RadioButtonGroupInput {...common} choices={[{ id: true, name: 'ra.boolean.true' }, { id: false, name: 'ra.boolean.false' }]} />
      ) : (
        <BooleanInput source={id} label={label} {...(helperText ? { helperText } : {})} />
      );
    case 'date':
      return <DateInput {...common} fullWidth />;
    case 'datetime':
      return <DateTimeInput {...common} fullWidth />;
    case 'select':
      return choices.length <= 4 ? <RadioButtonGroupInput {...common} choices={choices} /> : <SelectInput {...common} choices={choices} fullWidth />;
    case 'multiselect':
      return <CheckboxGroupInput {...common} choices={choices} />;
    case 'phone':
      return <TextInput {...common} type="tel" fullWidth />;
    case 'rating':
      return <RatingInput source={id} label={label} validate={validate} {...(helperText ? { helperText } : {})} {...(field.max !== undefined ? { max: field.max } : {})} />;
    case 'text':
    default:
      return <TextInput {...common} fullWidth />;
  }
}

/**
 * Turns a form value into what the engine stores for the field type: numbers as numbers, dates
 * as YYYY-MM-DD, date-times as ISO 8601 with the offset; undefined when the input is empty.
 * @example
 * toFieldValue({ type: 'integer', label }, '12'); // 12
 */
export function toFieldValue(field: FieldDefinition, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'rating':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'datetime': {
      const date = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
    }
    case 'multiselect':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    default:
      return typeof value === 'string' ? value.trim() || undefined : value;
  }
}
