import { describe, expect, it } from 'vitest';
import { createEncoder, keyCheckValue } from '../../src/encode/encoder.ts';
import { DEFAULT_SCHEMA } from '../../src/schema/default-schema.ts';
import { linkageSchemaSchema } from '../../src/schema/linkage-schema.ts';
import { schemaFingerprint } from '../../src/schema/fingerprint.ts';
import type { EncodedPerson } from '../../src/extract/extract-types.ts';

/*
 * Golden vectors: a fixed secret, schema and record give fixed bytes. Data holders encode apart, on
 * different machines and versions; any change here means their extracts no longer link. Change these
 * values only with a deliberate, announced break (a new schema fingerprint or format version).
 */

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i);

/** The default schema of credlink 0.1 before any hardening, written out so that changing the default does not move these vectors. */
const FROZEN = linkageSchemaSchema.parse({
  credlinkSchema: 1,
  name: 'credlink-default',
  fields: [
    { field: 'first_name', tokenizer: 'bigram', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'middle_name', tokenizer: 'bigram', filterBits: 128, hashesPerToken: 6, clkHashesPerToken: 0 },
    { field: 'last_name', tokenizer: 'bigram', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'name_suffix', tokenizer: 'exact', filterBits: 64, hashesPerToken: 8, clkHashesPerToken: 0 },
    { field: 'dob', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 12 },
    { field: 'ssn', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 0 },
    { field: 'email', tokenizer: 'bigram', filterBits: 512, hashesPerToken: 10, clkHashesPerToken: 4 },
    { field: 'phone', tokenizer: 'positional', filterBits: 256, hashesPerToken: 10, clkHashesPerToken: 0 },
    { field: 'postcode', tokenizer: 'positional', filterBits: 128, hashesPerToken: 10, clkHashesPerToken: 6 },
    { field: 'sex', tokenizer: 'exact', filterBits: 64, hashesPerToken: 8, clkHashesPerToken: 0 },
  ],
  recordFilter: { bits: 1024 },
  hardening: { salt: [], balance: false, xorFold: false, diffusionT: 0, randomizedResponse: 0 },
  blockingKeys: [
    { name: 'last_soundex_birth_year', parts: [{ field: 'last_name', transform: 'soundex' }, { field: 'dob', transform: 'year' }] },
    { name: 'first_initial_dob', parts: [{ field: 'first_name', transform: 'first_initial' }, { field: 'dob', transform: 'value' }] },
    { name: 'ssn', parts: [{ field: 'ssn', transform: 'value' }] },
    { name: 'ssn_last4_first_initial', parts: [{ field: 'ssn', transform: 'last4' }, { field: 'first_name', transform: 'first_initial' }] },
    { name: 'last_soundex_first_soundex', parts: [{ field: 'last_name', transform: 'soundex' }, { field: 'first_name', transform: 'soundex' }] },
    { name: 'email', parts: [{ field: 'email', transform: 'value' }] },
  ],
});

const HARDENED = linkageSchemaSchema.parse({
  ...FROZEN,
  name: 'golden-hardened',
  hardening: { salt: [{ field: 'first_name', with: 'dob' }], balance: true, xorFold: true, diffusionT: 3, randomizedResponse: 0.05 },
});

const MARIA = { first_name: 'maria', middle_name: 'jose', last_name: 'garcia lopez', dob: '1988-04-17', ssn: '123456780', email: 'maria.garcia@mail.com', postcode: '02134', sex: 'f' };
const JOHN = { first_name: 'john', last_name: 'obrien', name_suffix: 'jr', dob: '1991-03-17', phone: '6175550123', sex: 'm' };

function asText(person: EncodedPerson) {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    pseudonym: person.pseudonym,
    fields: Object.fromEntries(Object.entries(person.fields).map(([name, filter]) => [name, b64(filter!)])),
    clk: b64(person.clk),
    blockingKeys: person.blockingKeys,
  };
}

describe('golden vectors', () => {
  it('key check value', () => {
    expect(keyCheckValue(SECRET)).toBe('e7c0aa11efa7');
  });

  it('unhardened schema, a full roster record', () => {
    expect(asText(createEncoder(FROZEN, SECRET, 'nurseboard').encode(MARIA, 'NB-1001'))).toEqual({
      'pseudonym': 'a1ba69702fcc492eceaf90c81c19064c',
      'fields': {
        'first_name': 'QBEsYAWgAtCAjAAWABAgAAMQhoALUIAowCCgQA4BUEU=',
        'middle_name': 'gCbQCcKCIKAAAgggABkhFQ==',
        'last_name': '0mak+OBEAHwIEu5dJWQ6GHMWIMd2Y1CxBAxqOtUqyNo=',
        'dob': 'dBmQxRYKFEMSFmAIqYKvFoBmBBBOQAq9QsGcUswA8FE=',
        'ssn': 'gC5pABplQKBAhACNndJAQl8SiTIAgYFuMyYAQBTIQgw=',
        'email': 'AADKY6NmcAIIAqHgs3IQugLOTIAgQPZQDApiQBarAAtixjGECYAhLKyEqaKADrFwQdlCCRAAAikgahCAEAYhYA==',
        'postcode': 'wVAuLQETQQhTDHYiPAAxUA==',
        'sex': 'AAACICBAFUA='
      },
      'clk': 'sYDTdADEiYQrJYihW4SG/3gqkgAiZBzjA4CbhMBEEJCEGrRMkOpgaACGi2ENFrsqEGAcSYTBI4ByKTGDNrB68BVTFUYTIAAADEk66jIzJIWAjtjqpAEsQmKUEhQZAuSFAoCDJMBcOQBNhAkHwgVpiAcAMISirsok8UcCQhbJQQA=',
      'blockingKeys': {
        'last_soundex_birth_year': '0869aa9bb01df360',
        'first_initial_dob': 'fdb32d5f7e393d74',
        'ssn': '95a3d36a11ed85bb',
        'ssn_last4_first_initial': '1dbf344c13394cab',
        'last_soundex_first_soundex': 'fd8a818491314e97',
        'email': 'd1feb107aede7f17'
      }
    });
  });

  it('unhardened schema, a sparse record', () => {
    expect(asText(createEncoder(FROZEN, SECRET, 'nurseboard').encode(JOHN, 'NB-1002'))).toEqual({
      'pseudonym': '16dfd3e8a38229166c2adc9c0c4328b0',
      'fields': {
        'first_name': 'FAIKREBCFAAQAUCCAFCCAAEESMhRAAQoigQAMIQAAEA=',
        'last_name': 'gYwgUAgSAAARGAAqRBUhCiCMoQSMiEMwCDhAIEFCNCk=',
        'name_suffix': 'AIAUgAAAkQQ=',
        'dob': '/BuQUYYQEEYCFGAIKZJlF4BjBARIRIINQtG8Qs4gUFE=',
        'phone': 'HANUSREyKgIJHjBA0xsBAETARYC4MnACAhNiYkqHZJ0=',
        'sex': 'QAgUACAAMQA='
      },
      'clk': 'wATRKAEEA8AJJyChQJAEOCgAEgGaAAQoAyAChBiEAiAAEEIjwFIFIAAYAWEFBAkQIwCY0AUgAxMDayKAHCVpFRCAgCITgKACAAA0EgoCDARpi8AOhAKJAEBTBAQRIICQAAACBACQQIIkgAoAyMUFwmBMAgDuBMIgIFgIwkCIIQI=',
      'blockingKeys': {
        'last_soundex_birth_year': 'b8a5b26aa6aadc1f',
        'first_initial_dob': '9aa37ec92e37ff62',
        'last_soundex_first_soundex': 'd5f1b0657e79364a'
      }
    });
  });

  it('hardened schema: salting, folding, diffusion, balancing and randomized response', () => {
    expect(asText(createEncoder(HARDENED, SECRET, 'nurseboard').encode(MARIA, 'NB-1001'))).toEqual({
      'pseudonym': '410139573f6ba6d2fc03cebc4bfb2261',
      'fields': {
        'first_name': 'VcFAJy3BXTLRPr6qp8j99kD72jrRsDgDci9LsHEzlm8=',
        'middle_name': '/F/I1NlMFnYrcKbCa6QPlA==',
        'last_name': 'hY97kTcI1ZaADEgpZ/anrHspg/TPMxvZfNWbXHVsAbk=',
        'dob': 'YJkHSs3UaSymeMkO6rv6o/AM19bYjipfBSfvwLzNDTY=',
        'ssn': 'qKfYdrgViJW/SdICJ4r10ptz1zHRPnfyV2RwOakoAfg=',
        'email': 'o+I8frNj4JKMF0pbj4afrGWMHxt6p4VZFEKEF383UN7ZUMqX+iKInmb8AQIu6tpyJ+J/4UxjUZb0sLw3RINHbg==',
        'postcode': '2p0aJbPYGf/YEGYy8tSZgw==',
        'sex': 'irbPY7ca8AU='
      },
      'clk': 'JV/LHWV2zYJORXP7oR3HWGLYJP03Ld1aA3KKXfuXKVVRnByDcrbRHN41CVYLGxMYAga2JUZKnj8ZVb2SzLOa6fOyGnR41Ckr7XLaSkKbwjJwLqFLKEQxLYXKCVQWfVNKtdS5bKOgVcT/pC7Od/zpiZnZlHRxd49sq9BWs4HXpQE=',
      'blockingKeys': {
        'last_soundex_birth_year': '9feba724fee5f0e6',
        'first_initial_dob': '870ae49af9498a90',
        'ssn': '4cddc67c63689d5c',
        'ssn_last4_first_initial': 'f2973481b1d2cd11',
        'last_soundex_first_soundex': '33628143e7f37b55',
        'email': 'd6e92e5e63320797'
      }
    });
  });
  it('the current default schema (a change of default is a compatibility break: regenerate deliberately)', () => {
    // If this fails, DEFAULT_SCHEMA changed: extracts hashed before and after will not link.
    expect(schemaFingerprint(DEFAULT_SCHEMA)).toBe('f3ce038487337a6cca9fbdc92f9d76552ed82b5b6ed058a608e1a5e018e6d651');
    expect(asText(createEncoder(DEFAULT_SCHEMA, SECRET, 'nurseboard').encode(MARIA, 'NB-1001'))).toEqual({
      'pseudonym': '6e2308f85841866c57762ad033327e6d',
      'fields': {
        'first_name': 'uBjpUyIESULAocmoOCniEk3hHAMgETC1DbQhOQJIF0E=',
        'middle_name': '0mzQXcBEmKYgQUhOSJJxRQ==',
        'last_name': 'ekaemEUCsHVwWxuELr3WCiuhNo0Mk0Z7epOSonYUqEE=',
        'dob': 'VRFLAt3lmkwztLIlkukVMDEY+a8xumFewVUAXIihxzM=',
        'ssn': 'QEDZiIaJC4IIWQAXID1kDac1xGddjFAREzDjuiQ6ILw=',
        'email': 'M9E57GGhrw+OJYqHoCmDMhFa9xfIylJKEPwmDsqEDWnGyTJKaTgcCA1Vcocx4OLXNM4mR0tQMyAiKoGEC1dfhw==',
        'postcode': 'HWjG2xLdTXwXmtDAUkBJoQ==',
        'sex': 'JBxIqAToAGU='
      },
      'clk': 'fkW35bCXaFYL30AZGm7SVNjUvRUbq3QUEGPnq/OpmMjfowRqQQbAicosRCP7zwcV0Hncz9mF/UxDpgwGjmkJTg==',
      'blockingKeys': {
        'last_soundex_birth_year': '8305072d301a5456',
        'first_initial_dob': '083bf368280fcb0e',
        'ssn': '8f06107b4108db19',
        'ssn_last4_first_initial': '5d8e00aff66c89ba',
        'last_soundex_first_soundex': '7a27f1fd29bd2a61',
        'email': '09add7347286329a'
      }
    });
  });
});
