/**
 * Bodies in the shapes Airtable's Web API (v0) documents (airtable.com/developers/web/api), for the
 * fake to answer with. Errors follow its documented `{ error: { type, message } }`, and the bare
 * `{ error: "NOT_FOUND" }` of a 404.
 */

export const BASE = 'appLkNDICXNqxSDhG';
export const TABLE = 'tbltp8DGLhqbUmjK1';
export const CREATED = '2024-05-01T10:00:00.000Z';

export function record(id: string, fields: Record<string, unknown> = { Name: `Name of ${id}` }) {
  return { id, createdTime: CREATED, fields };
}

/** Record ids as Airtable makes them: rec + 14 characters. */
export const recId = (n: number) => `rec${String(n).padStart(14, '0')}`;

export const apartments = {
  id: TABLE,
  name: 'Apartments',
  description: 'Apartments to track.',
  primaryFieldId: 'fld1VnoyuotSTyxW1',
  fields: [
    { id: 'fld1VnoyuotSTyxW1', name: 'Name', type: 'singleLineText', description: 'Name of the apartment' },
    {
      id: 'fldoaIqdn5szURHpw',
      name: 'Pictures',
      type: 'multipleAttachments',
      options: { isReversed: false },
    },
    { id: 'fldNotes000000001', name: 'Notes', type: 'multilineText' },
    {
      id: 'fldumZe00w09RYTW6',
      name: 'District',
      type: 'multipleRecordLinks',
      options: {
        inverseLinkFieldId: 'fldWnCJlo2z6ttT8Y',
        isReversed: false,
        linkedTableId: 'tblK6MZHez0ZvBChZ',
        prefersSingleRecordLink: true,
      },
    },
  ],
  views: [{ id: 'viwQpsuEDqHFqegkp', name: 'Grid view', type: 'grid' }],
};

export const districts = {
  id: 'tblK6MZHez0ZvBChZ',
  name: 'Districts',
  primaryFieldId: 'fldEVzvQOoULO38yl',
  fields: [{ id: 'fldEVzvQOoULO38yl', name: 'Name', type: 'singleLineText' }],
  views: [{ id: 'viwi3KXvrKug2mIBS', name: 'Grid view', type: 'grid' }],
};

// Error bodies

export const authenticationRequired = {
  error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' },
};

export const invalidPermissionsOrNotFound = {
  error: {
    type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
    message:
      'Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.',
  },
};

export const invalidPermissions = {
  error: { type: 'INVALID_PERMISSIONS', message: 'You are not permitted to perform this operation' },
};

export const notFound = { error: 'NOT_FOUND' };

export const unknownField = {
  error: { type: 'UNKNOWN_FIELD_NAME', message: 'Unknown field name: "Colour"' },
};

export const rateLimited = {
  errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }],
};

export const serverError = { error: { type: 'SERVER_ERROR', message: 'Server error' } };
