/** The identifier fields a linkage schema can name. A source lacking one simply omits it. */
export const FIELD_NAMES = [
  'first_name',
  'middle_name',
  'last_name',
  'name_suffix',
  'dob',
  'ssn',
  'email',
  'phone',
  'postcode',
  'sex',
  'city',
  'street_address',
  'state',
  'identifier',
  'free_text',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/** Normalized identifier values of one record; an absent key means "missing", never "". */
export type NormalizedRecord = Partial<Record<FieldName, string>>;
